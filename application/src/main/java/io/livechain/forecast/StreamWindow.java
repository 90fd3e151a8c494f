package io.livechain.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A live stream featuring the SKU, on air from {@code start} (inclusive) to {@code end} (exclusive), whose offer of
 * the SKU holds {@code quantity} units (0 when unknown). The quantity is what a SKU's first stream is forecast from
 * (see {@link StreamPrior}); once the SKU has streamed, its own past streams teach the lift instead.
 */
public record StreamWindow(Instant start, Instant end, int quantity) {

    public StreamWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a stream ends after it starts: " + start + " .. " + end);
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("an offer's quantity is never negative: " + quantity);
        }
    }

    /** A stream whose offer quantity is unknown. */
    public StreamWindow(Instant start, Instant end) {
        this(start, end, 0);
    }

    /** How long this stream is on air within {@code [from, to)}. */
    public Duration overlap(Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }

    /** How long it is on air, in hours. */
    double hours() {
        return Duration.between(start, end).toMillis() / 3_600_000.0;
    }
}
