package io.livechain.infrastructure.axon;

import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lifts an event of one revision to the next, which only added a field: stored events of the old revision get the
 * field as null, explicitly. Stored events are never rewritten (ADR 0002); this happens as they are read.
 */
public final class AddedFieldUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final String field;

    public AddedFieldUpcaster(Class<?> payloadType, String fromRevision, String toRevision, String field) {
        this.from = new SimpleSerializedType(payloadType.getName(), Objects.requireNonNull(fromRevision));
        this.to = new SimpleSerializedType(payloadType.getName(), Objects.requireNonNull(toRevision));
        this.field = Objects.requireNonNull(field);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, ObjectNode.class, payload -> {
            if (!payload.has(field)) {
                payload.putNull(field);
            }
            return payload;
        });
    }
}
