package io.livechain.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A SKU's demand (units ordered) per UTC hour, consecutive from {@code firstHour}; the last element is the most
 * recent complete hour. Hours without orders are zeros: the caller pads up to the last complete hour. May be empty.
 * {@code pastStreams} are the live streams that featured the SKU (windows outside the history are ignored).
 */
public record DemandHistory(Instant firstHour, int[] hourlyUnits, List<StreamWindow> pastStreams) {

    public DemandHistory {
        Objects.requireNonNull(firstHour, "firstHour");
        Objects.requireNonNull(hourlyUnits, "hourlyUnits");
        if (!firstHour.truncatedTo(ChronoUnit.HOURS).equals(firstHour)) {
            throw new IllegalArgumentException("the history starts on a whole UTC hour, not at " + firstHour);
        }
        for (int units : hourlyUnits) {
            if (units < 0) {
                throw new IllegalArgumentException("demand is never negative: " + units);
            }
        }
        hourlyUnits = hourlyUnits.clone();
        pastStreams = List.copyOf(pastStreams);
    }

    /** A history without any hour: the forecast starts at the current hour and is zero. */
    public static DemandHistory none(Instant now) {
        return new DemandHistory(now.truncatedTo(ChronoUnit.HOURS), new int[0], List.of());
    }

    @Override
    public int[] hourlyUnits() {
        return hourlyUnits.clone();
    }

    /** Number of hours in the history. */
    public int hours() {
        return hourlyUnits.length;
    }

    /** The end of the last hour of the history (exclusive): where the forecast starts. */
    public Instant end() {
        return firstHour.plus(Duration.ofHours(hourlyUnits.length));
    }

    int unitsAt(int hour) {
        return hourlyUnits[hour];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DemandHistory that
                && firstHour.equals(that.firstHour)
                && Arrays.equals(hourlyUnits, that.hourlyUnits)
                && pastStreams.equals(that.pastStreams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstHour, Arrays.hashCode(hourlyUnits), pastStreams);
    }

    @Override
    public String toString() {
        return "DemandHistory[firstHour=" + firstHour + ", hours=" + hourlyUnits.length + ", pastStreams="
                + pastStreams.size() + "]";
    }
}
