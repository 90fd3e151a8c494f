package io.livechain.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Forecast demand (units) for {@code [start, end)}: the expected value (a mean, so periods add up) and an interval
 * {@code [low, high]} that should hold the actual demand with the forecaster's coverage (80% by default).
 */
public record Period(Instant start, Instant end, double expected, double low, double high) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts: " + start + " .. " + end);
        }
        if (!Double.isFinite(expected) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("a forecast is a finite number");
        }
        if (!(0 <= low && low <= expected && expected <= high)) {
            throw new IllegalArgumentException(
                    "expected 0 <= low <= expected <= high, got " + low + ", " + expected + ", " + high);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
