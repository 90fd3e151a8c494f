package io.livechain.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of the {@link DemandForecaster}.
 *
 * @param coverage probability the interval {@code [low, high]} of a period should hold its actual demand
 * @param hourOfDayHalfLife age at which an hour counts half as much as the latest one in the hour-of-day profile
 * @param dayOfWeekHalfLife the same for the day-of-week profile (fewer observations per slot, so longer)
 */
public record ForecastSettings(double coverage, Duration hourOfDayHalfLife, Duration dayOfWeekHalfLife) {

    public ForecastSettings {
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage is a probability strictly between 0 and 1: " + coverage);
        }
        Objects.requireNonNull(hourOfDayHalfLife, "hourOfDayHalfLife");
        Objects.requireNonNull(dayOfWeekHalfLife, "dayOfWeekHalfLife");
        if (!hourOfDayHalfLife.isPositive() || !dayOfWeekHalfLife.isPositive()) {
            throw new IllegalArgumentException("half-lives are positive");
        }
    }

    /** 80% intervals, profiles with half-lives of 4 weeks (hour of day) and 6 weeks (day of week). */
    public static ForecastSettings defaults() {
        return new ForecastSettings(0.8, Duration.ofDays(28), Duration.ofDays(42));
    }
}
