package io.livechain.infrastructure.axon.upcasting;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lifts an event of one revision to the next, which only added a field: stored events of the old revision get the
 * field as null, explicitly. Stored events are never rewritten (ADR 0002); this happens as they are read.
 */
public final class AddedFieldUpcaster extends JsonEventUpcaster {

    private final String field;

    public AddedFieldUpcaster(Class<?> payloadType, String fromRevision, String toRevision, String field) {
        super(payloadType, Objects.requireNonNull(fromRevision), Objects.requireNonNull(toRevision));
        this.field = Objects.requireNonNull(field);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        if (!payload.has(field)) {
            payload.putNull(field);
        }
    }
}
