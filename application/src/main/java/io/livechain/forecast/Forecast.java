package io.livechain.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A SKU's demand forecast made at {@code generatedAt}: 24 consecutive hourly periods from the hour after the
 * history, and 14 consecutive UTC calendar days from the first midnight at or after that hour (so the first day
 * overlaps the hourly periods unless the forecast starts at midnight).
 */
public record Forecast(Instant generatedAt, List<Period> hourly, List<Period> daily) {

    public Forecast {
        Objects.requireNonNull(generatedAt, "generatedAt");
        hourly = List.copyOf(hourly);
        daily = List.copyOf(daily);
    }

    /** Where the forecast starts: the start of its first hourly period. */
    public Instant start() {
        return hourly.isEmpty() ? generatedAt : hourly.getFirst().start();
    }

    /**
     * This forecast, with the hour and the day under way at {@code now} raised to at least what they already sold
     * (expected, low and high alike): what was ordered since the forecast was made cannot be undone.
     */
    public Forecast withSold(Instant now, int soldThisHour, int soldToday) {
        return new Forecast(generatedAt, atLeast(hourly, now, soldThisHour), atLeast(daily, now, soldToday));
    }

    private static List<Period> atLeast(List<Period> periods, Instant now, int sold) {
        return periods.stream()
                .map(p -> !p.start().isAfter(now) && p.end().isAfter(now) && sold > p.low()
                        ? new Period(p.start(), p.end(), Math.max(p.expected(), sold), sold, Math.max(p.high(), sold))
                        : p)
                .toList();
    }
}
