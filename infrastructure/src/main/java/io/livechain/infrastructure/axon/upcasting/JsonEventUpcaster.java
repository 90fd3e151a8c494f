package io.livechain.infrastructure.axon.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shape of the first change to a stored event: one subclass per event type and revision step, which rewrites
 * the stored JSON of revision {@code from} into revision {@code to} (rename a field, give a new one its value for
 * the past). Declared as a Spring bean, Axon runs it whenever an event of that revision is read.
 *
 * <p>When an event record changes: bump its {@code @Revision}, add a subclass of this, and keep the old revision's
 * stored sample beside the new one (see {@code EventSchemaIT}), so that the old JSON is proven to upcast.
 */
public abstract class JsonEventUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    protected JsonEventUpcaster(Class<?> eventType, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), toRevision);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, ObjectNode.class, payload -> {
            upcast(payload);
            return payload;
        });
    }

    /** Rewrites the payload in place, from the old revision's fields to the new one's. */
    protected abstract void upcast(ObjectNode payload);
}
