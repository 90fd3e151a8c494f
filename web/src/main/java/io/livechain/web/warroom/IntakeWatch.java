package io.livechain.web.warroom;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * The order intake's answers per live stream, for the streams a war room is watching, and only for those: the
 * intake hands every answer to {@link #record}, which costs a map look-up for a stream nobody watches, and a
 * lock-free histogram write for a watched one. Nothing is computed on the order path; the war room samples each
 * watched stream once a second ({@link Meter#sample}).
 *
 * <p>An answer is counted for a stream only when it was given to that stream's merchant: another merchant naming the
 * stream's id in an order (answered {@code 422 unknown-live-stream}) never shows in its war room.
 */
public final class IntakeWatch {

    /** Answer times above this are counted as this (microseconds). */
    private static final long LONGEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Map<UUID, Meter> meters = new ConcurrentHashMap<>();

    /** One answer of {@code POST /api/v1/orders}: to whom, about which stream, its status and how long it took. */
    public void record(@Nullable UUID merchantId, @Nullable UUID liveStreamId, int status, long nanos) {
        if (liveStreamId == null || meters.isEmpty()) {
            return;
        }
        Meter meter = meters.get(liveStreamId);
        if (meter != null && meter.merchantId.equals(merchantId)) {
            meter.record(status, nanos);
        }
    }

    /** Starts counting a stream's answers (if it was not counted yet). */
    Meter watch(UUID merchantId, UUID liveStreamId, Instant since) {
        return meters.computeIfAbsent(liveStreamId, any -> new Meter(merchantId, since));
    }

    /** Stops counting a stream's answers. */
    void unwatch(UUID liveStreamId) {
        meters.remove(liveStreamId);
    }

    /** One stream's answers since the last sample: placed (2xx), refused (4xx), not taken (5xx: busy, unavailable). */
    static final class Meter {

        private final UUID merchantId;
        private final Instant since;
        private final Recorder placed = recorder();
        private final Recorder refused = recorder();
        private final Recorder notTaken = recorder();
        private final Histogram all = new Histogram(LONGEST_MICROS, 2);
        private Histogram placedInterval;
        private Histogram refusedInterval;
        private Histogram notTakenInterval;

        private Meter(UUID merchantId, Instant since) {
            this.merchantId = merchantId;
            this.since = since;
        }

        Instant since() {
            return since;
        }

        private void record(int status, long nanos) {
            long micros = Math.clamp(nanos / 1_000, 1, LONGEST_MICROS);
            Recorder recorder = status < 400 ? placed : status < 500 ? refused : notTaken;
            recorder.recordValue(micros);
        }

        /** The answers since the previous sample, which took {@code seconds}; only one thread samples a meter. */
        synchronized WarRoomView.Second sample(Instant at, double seconds) {
            placedInterval = placed.getIntervalHistogram(placedInterval);
            refusedInterval = refused.getIntervalHistogram(refusedInterval);
            notTakenInterval = notTaken.getIntervalHistogram(notTakenInterval);
            all.reset();
            all.add(placedInterval);
            all.add(refusedInterval);
            all.add(notTakenInterval);
            double per = Math.max(seconds, 0.001);
            boolean answered = all.getTotalCount() > 0;
            return new WarRoomView.Second(
                    at,
                    rate(placedInterval.getTotalCount(), per),
                    rate(refusedInterval.getTotalCount(), per),
                    rate(notTakenInterval.getTotalCount(), per),
                    answered ? millis(all.getValueAtPercentile(50)) : null,
                    answered ? millis(all.getValueAtPercentile(99)) : null,
                    answered ? millis(all.getMaxValue()) : null);
        }

        private static double rate(long count, double seconds) {
            return Math.round(count / seconds * 10) / 10.0;
        }

        private static double millis(long micros) {
            return Math.round(micros / 10.0) / 100.0;
        }

        private static Recorder recorder() {
            return new Recorder(LONGEST_MICROS, 2);
        }
    }
}
