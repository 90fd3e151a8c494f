package io.livechain.sales;

import java.util.Objects;
import java.util.UUID;

public record LiveStreamId(UUID value) {

    public LiveStreamId {
        Objects.requireNonNull(value, "value");
    }

    public static LiveStreamId random() {
        return new LiveStreamId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
