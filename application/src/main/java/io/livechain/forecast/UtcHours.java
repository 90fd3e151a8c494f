package io.livechain.forecast;

import java.time.Instant;

/** Hours counted from the epoch, and where they fall in the UTC day and week. */
final class UtcHours {

    static final int PER_DAY = 24;
    static final int PER_WEEK = 168;

    private UtcHours() {}

    static long of(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600);
    }

    static Instant start(long epochHour) {
        return Instant.ofEpochSecond(epochHour * 3600);
    }

    static int hourOfDay(long epochHour) {
        return (int) Math.floorMod(epochHour, PER_DAY);
    }

    /** 0 = Monday … 6 = Sunday (the epoch, 1970-01-01, was a Thursday). */
    static int dayOfWeek(long epochHour) {
        return (int) Math.floorMod(Math.floorDiv(epochHour, PER_DAY) + 3, 7);
    }

    /** 0 = Monday 00:00 … 167 = Sunday 23:00. */
    static int hourOfWeek(long epochHour) {
        return dayOfWeek(epochHour) * PER_DAY + hourOfDay(epochHour);
    }

    static long day(long epochHour) {
        return Math.floorDiv(epochHour, PER_DAY);
    }
}
