package io.livechain.delivery.claim;

import io.livechain.delivery.Delivery;
import java.time.Duration;

/**
 * How claims work on this platform (configuration): how long a claim lasts without pickup, how long a courier whose
 * claim lapsed waits before claiming that delivery again, and how many open claims a courier may hold at once.
 */
public record ClaimRules(Duration claimTimeout, Duration reclaimCooldown, int maxOpenClaims) {

    public ClaimRules {
        Delivery.checkedTimeout(claimTimeout);
        Delivery.checkedCooldown(reclaimCooldown);
        if (maxOpenClaims < 1) {
            throw new IllegalArgumentException("a courier must be allowed at least one open claim");
        }
    }
}
