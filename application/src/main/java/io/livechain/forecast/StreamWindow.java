package io.livechain.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A live stream featuring the SKU, on air from {@code start} (inclusive) to {@code end} (exclusive). */
public record StreamWindow(Instant start, Instant end) {

    public StreamWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a stream ends after it starts: " + start + " .. " + end);
        }
    }

    /** How long this stream is on air within {@code [from, to)}. */
    public Duration overlap(Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}
