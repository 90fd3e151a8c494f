package io.livechain.production;

import java.util.Objects;
import java.util.UUID;

public record BatchId(UUID value) {

    public BatchId {
        Objects.requireNonNull(value, "value");
    }

    public static BatchId random() {
        return new BatchId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
