package io.livechain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), 15, Duration.ofDays(3));

    @Test
    void waits_twice_as_long_after_each_failure_up_to_the_maximum_less_a_random_half_at_most() {
        RandomGenerator random = new SplittableRandom(42);
        for (int failures = 1; failures <= 30; failures++) {
            long full = Math.min(Duration.ofHours(1).toMillis(), 5_000L << Math.min(failures - 1, 20));

            Duration delay = policy.delayAfter(failures, random);

            assertThat(delay.toMillis()).as("after %d failures", failures).isBetween(full / 2, full);
        }
    }

    @Test
    void gives_up_only_after_many_failures_over_a_long_time() {
        Instant since = Instant.parse("2026-11-27T20:00:00Z");

        assertThat(policy.givesUp(100, since, since.plus(Duration.ofDays(1)))).isFalse();
        assertThat(policy.givesUp(14, since, since.plus(Duration.ofDays(4)))).isFalse();
        assertThat(policy.givesUp(15, since, since.plus(Duration.ofDays(3)))).isTrue();
    }
}
