package io.livechain.access;

import io.livechain.shared.InvalidField;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * A new API key for a participant; its other keys keep working for the grace period (so its servers can move to the
 * new key), then stop. A grace period of zero stops them at once.
 */
public record KeyRotation(UUID participantId, Duration gracePeriod) {

    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofMinutes(15);
    public static final Duration MAX_GRACE_PERIOD = Duration.ofHours(24);
    /** The field of the request that sets the grace period, as the client sends it. */
    public static final String GRACE_PERIOD_FIELD = "gracePeriodSeconds";

    public KeyRotation {
        Objects.requireNonNull(participantId, "participantId");
        gracePeriod = gracePeriod == null ? DEFAULT_GRACE_PERIOD : gracePeriod;
        InvalidField.require(
                !gracePeriod.isNegative() && gracePeriod.compareTo(MAX_GRACE_PERIOD) <= 0,
                GRACE_PERIOD_FIELD,
                "0 to " + MAX_GRACE_PERIOD.toSeconds() + " seconds");
    }

    /** From the request's seconds (null: the default). */
    public static KeyRotation of(UUID participantId, Long gracePeriodSeconds) {
        return new KeyRotation(
                participantId, gracePeriodSeconds == null ? null : Duration.ofSeconds(gracePeriodSeconds));
    }
}
