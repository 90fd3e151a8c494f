package io.livechain.participant;

import java.util.Objects;
import java.util.UUID;

/** Identifies a registered merchant, factory, warehouse or courier. */
public record ParticipantId(UUID value) {

    public ParticipantId {
        Objects.requireNonNull(value, "value");
    }

    public static ParticipantId random() {
        return new ParticipantId(UUID.randomUUID());
    }

    public static ParticipantId of(String value) {
        return new ParticipantId(UUID.fromString(value));
    }

    /** Axon stores the aggregate identifier's {@code toString()}: the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
