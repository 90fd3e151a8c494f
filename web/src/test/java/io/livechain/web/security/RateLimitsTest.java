package io.livechain.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import io.livechain.web.security.RateLimitProperties.Limit;
import io.livechain.web.security.RateLimits.Kind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final ManualTime time = new ManualTime();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void a_key_within_its_limit_goes_on_and_the_next_request_waits_for_the_refill() {
        // given 3 reads a minute
        RateLimits limits =
                limits(new RateLimitProperties(true, null, null, new Limit(3L, Duration.ofMinutes(1)), null, null));
        UUID key = UUID.randomUUID();
        // when
        long first = limits.secondsToWait(key, Kind.READS);
        long second = limits.secondsToWait(key, Kind.READS);
        long third = limits.secondsToWait(key, Kind.READS);
        long fourth = limits.secondsToWait(key, Kind.READS);
        // then one read comes back every 20 s
        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(third).isZero();
        assertThat(fourth).isEqualTo(20);
        assertThat(meters.counter("livechain.rate.limited", "kind", "reads").count())
                .isEqualTo(1);
    }

    @Test
    void a_spent_allowance_comes_back_over_its_period() {
        // given
        RateLimits limits =
                limits(new RateLimitProperties(true, null, null, new Limit(2L, Duration.ofSeconds(10)), null, null));
        UUID key = UUID.randomUUID();
        limits.secondsToWait(key, Kind.READS);
        limits.secondsToWait(key, Kind.READS);
        assertThat(limits.secondsToWait(key, Kind.READS)).isEqualTo(5);
        // when half the period has passed
        time.advance(Duration.ofSeconds(5));
        // then one request may go, not two
        assertThat(limits.secondsToWait(key, Kind.READS)).isZero();
        assertThat(limits.secondsToWait(key, Kind.READS)).isPositive();
    }

    @Test
    void keys_and_kinds_have_buckets_of_their_own() {
        // given one read a minute, and a key that spent it
        RateLimits limits = limits(new RateLimitProperties(
                true, new Limit(1L, Duration.ofMinutes(1)), null, new Limit(1L, Duration.ofMinutes(1)), null, null));
        UUID busy = UUID.randomUUID();
        limits.secondsToWait(busy, Kind.READS);
        // then another key still reads, and the busy key still orders
        assertThat(limits.secondsToWait(busy, Kind.READS)).isPositive();
        assertThat(limits.secondsToWait(UUID.randomUUID(), Kind.READS)).isZero();
        assertThat(limits.secondsToWait(busy, Kind.ORDERS)).isZero();
    }

    @Test
    void waits_are_whole_seconds_and_at_least_one() {
        // given 1,000 writes a second, all spent
        RateLimits limits = limits(new RateLimitProperties(true, null, new Limit(1_000L, null), null, null, null));
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 1_000; i++) {
            assertThat(limits.secondsToWait(key, Kind.WRITES)).isZero();
        }
        // then the next waits a millisecond, said as one second
        assertThat(limits.secondsToWait(key, Kind.WRITES)).isEqualTo(1);
    }

    @Test
    void disabled_limits_let_everything_through() {
        RateLimits limits =
                limits(new RateLimitProperties(false, null, null, new Limit(1L, Duration.ofHours(1)), null, null));
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            assertThat(limits.secondsToWait(key, Kind.READS)).isZero();
        }
    }

    @Test
    void an_address_that_presents_too_many_unknown_keys_waits_and_other_addresses_do_not() {
        // given 3 unknown keys a minute per address
        RateLimits limits =
                limits(new RateLimitProperties(true, null, null, null, null, new Limit(3L, Duration.ofMinutes(1))));
        // when one address presents 3, the other 1
        for (int i = 0; i < 3; i++) {
            assertThat(limits.secondsToWaitForUnknownKeys("10.0.0.1")).isZero();
            limits.unknownKeyFrom("10.0.0.1");
        }
        limits.unknownKeyFrom("10.0.0.2");
        // then the first waits for one to come back (20 s), the second and a new one do not
        assertThat(limits.secondsToWaitForUnknownKeys("10.0.0.1")).isEqualTo(20);
        assertThat(limits.secondsToWaitForUnknownKeys("10.0.0.2")).isZero();
        assertThat(limits.secondsToWaitForUnknownKeys("10.0.0.3")).isZero();
        assertThat(limits.unknownKeysDetail(20)).contains("3 unknown API keys per 1m");
        // and after 20 s it may present one more
        time.advance(Duration.ofSeconds(20));
        assertThat(limits.secondsToWaitForUnknownKeys("10.0.0.1")).isZero();
    }

    @Test
    void the_defaults_leave_a_flash_sale_alone() {
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, null, null);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.orders()).isEqualTo(new Limit(100_000L, Duration.ofSeconds(1)));
        assertThat(defaults.writes()).isEqualTo(new Limit(2_000L, Duration.ofSeconds(1)));
        assertThat(defaults.reads()).isEqualTo(new Limit(1_000L, Duration.ofSeconds(1)));
        assertThat(defaults.admin()).isEqualTo(new Limit(100L, Duration.ofSeconds(1)));
        assertThat(defaults.unknownKeys()).isEqualTo(new Limit(100L, Duration.ofMinutes(1)));
    }

    @Test
    void refuses_a_limit_that_lets_nothing_through() {
        assertThatThrownBy(() -> new Limit(0L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(5L, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tells_the_kind_of_a_request_by_method_and_path() {
        assertThat(RateLimits.kindOf("POST", "/api/v1/orders")).isEqualTo(Kind.ORDERS);
        assertThat(RateLimits.kindOf("GET", "/api/v1/orders")).isEqualTo(Kind.READS);
        assertThat(RateLimits.kindOf("POST", "/api/v1/orders/42/payments")).isEqualTo(Kind.WRITES);
        assertThat(RateLimits.kindOf("GET", "/api/v1/admin/participants")).isEqualTo(Kind.ADMIN);
        assertThat(RateLimits.kindOf("POST", "/api/v1/admin/merchants")).isEqualTo(Kind.ADMIN);
        assertThat(RateLimits.kindOf("GET", "/api/v1/administrators")).isEqualTo(Kind.READS);
        assertThat(RateLimits.kindOf("GET", "/actuator/prometheus")).isEqualTo(Kind.READS);
        assertThat(RateLimits.kindOf("POST", "/api/v1/me/api-key")).isEqualTo(Kind.WRITES);
    }

    private RateLimits limits(RateLimitProperties properties) {
        return new RateLimits(properties, meters, time);
    }

    private static final class ManualTime implements TimeMeter {

        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
