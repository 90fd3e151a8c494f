package io.livechain.webhook;

import io.livechain.shared.InvalidField;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * A new signing secret for a subscription; the previous one signs too (a second signature) for the grace period, so
 * the receiver can move to the new one. A grace period of zero stops the previous secret at once.
 */
public record SecretRotation(UUID participantId, UUID subscriptionId, Duration gracePeriod) {

    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);
    public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(7);
    public static final String GRACE_PERIOD_FIELD = "gracePeriodSeconds";

    public SecretRotation {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        gracePeriod = gracePeriod == null ? DEFAULT_GRACE_PERIOD : gracePeriod;
        InvalidField.require(
                !gracePeriod.isNegative() && gracePeriod.compareTo(MAX_GRACE_PERIOD) <= 0,
                GRACE_PERIOD_FIELD,
                "0 to " + MAX_GRACE_PERIOD.toSeconds() + " seconds");
    }

    public static SecretRotation of(UUID participantId, UUID subscriptionId, Long gracePeriodSeconds) {
        return new SecretRotation(
                participantId,
                subscriptionId,
                gracePeriodSeconds == null ? null : Duration.ofSeconds(gracePeriodSeconds));
    }
}
