package io.livechain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again, and when a subscription that keeps failing is disabled.
 *
 * <p>Backoff is exponential with jitter: after the n-th failure in a row, the wait is {@code initialDelay * 2^(n-1)},
 * at most {@code maxDelay}, of which a random half is taken off (so receivers that failed together do not all come
 * back together). A subscription is disabled once it has failed at least {@code disableAfterFailures} times in a row
 * <em>and</em> for at least {@code disableAfter} since its first failure in that row: a long outage, not a bad minute.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int disableAfterFailures, Duration disableAfter) {

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(disableAfter, "disableAfter");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays: 0 < initialDelay <= maxDelay");
        }
        if (disableAfterFailures < 1) {
            throw new IllegalArgumentException("disableAfterFailures must be at least 1");
        }
    }

    /** How long to wait after the {@code failures}-th failure in a row (1 or more). */
    public Duration delayAfter(int failures, RandomGenerator random) {
        long initial = initialDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = Math.min(Math.max(0, failures - 1), 40);
        long full = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        long half = full / 2;
        return Duration.ofMillis(full - (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /** Whether a subscription failing {@code failures} times in a row since {@code failingSince} is given up. */
    public boolean givesUp(int failures, Instant failingSince, Instant now) {
        return failures >= disableAfterFailures
                && failingSince != null
                && !failingSince.plus(disableAfter).isAfter(now);
    }
}
