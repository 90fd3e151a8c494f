package io.livechain.delivery;

import io.livechain.shared.BusinessRuleViolation;
import java.time.Instant;

/** The courier's own claim on this delivery lapsed a moment ago: other couriers get their turn first. */
public final class ReclaimTooSoon extends BusinessRuleViolation {

    public ReclaimTooSoon(Instant claimableAgainAt) {
        super(
                "reclaim-too-soon",
                Kind.CONFLICT,
                "your claim on this delivery lapsed; other couriers have it first, you can claim it again from "
                        + claimableAgainAt);
    }
}
