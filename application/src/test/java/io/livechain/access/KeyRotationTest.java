package io.livechain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.shared.InvalidField;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private static final UUID PARTICIPANT = UUID.randomUUID();

    @Test
    void without_a_grace_period_the_old_keys_work_for_fifteen_minutes() {
        assertThat(KeyRotation.of(PARTICIPANT, null).gracePeriod()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_grace_period_of_zero_to_a_day_is_taken_as_given() {
        assertThat(KeyRotation.of(PARTICIPANT, 0L).gracePeriod()).isEqualTo(Duration.ZERO);
        assertThat(KeyRotation.of(PARTICIPANT, 86_400L).gracePeriod()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refuses_a_negative_or_longer_grace_period_naming_the_field() {
        for (long seconds : new long[] {-1, 86_401, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> KeyRotation.of(PARTICIPANT, seconds))
                    .isInstanceOfSatisfying(
                            InvalidField.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("gracePeriodSeconds"));
        }
    }

    @Test
    void a_key_works_until_it_is_revoked_or_expires() {
        var now = java.time.Instant.parse("2026-11-27T19:00:00Z");
        var active = new ApiKeyView(UUID.randomUUID(), PARTICIPANT, Role.MERCHANT, now, null, null);
        var expiring = new ApiKeyView(UUID.randomUUID(), PARTICIPANT, Role.MERCHANT, now, now.plusSeconds(60), null);
        var revoked = new ApiKeyView(UUID.randomUUID(), PARTICIPANT, Role.MERCHANT, now, null, now);
        assertThat(active.worksAt(now)).isTrue();
        assertThat(expiring.worksAt(now.plusSeconds(59))).isTrue();
        assertThat(expiring.worksAt(now.plusSeconds(60))).isFalse();
        assertThat(revoked.worksAt(now)).isFalse();
    }
}
