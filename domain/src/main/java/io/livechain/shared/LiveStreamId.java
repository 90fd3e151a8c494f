package io.livechain.shared;

import java.util.Objects;
import java.util.UUID;

/** A live stream, as orders, stock and deliveries refer to it: in the shared kernel, so that orders need not know sales. */
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
