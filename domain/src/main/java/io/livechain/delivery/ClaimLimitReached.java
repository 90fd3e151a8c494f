package io.livechain.delivery;

import io.livechain.shared.BusinessRuleViolation;

/** The courier already holds as many claimed, undelivered deliveries as a courier may. */
public final class ClaimLimitReached extends BusinessRuleViolation {

    public ClaimLimitReached(int limit) {
        super(
                "claim-limit-reached",
                Kind.CONFLICT,
                "you hold " + limit + " claimed deliveries that are not delivered yet, the most a courier may hold;"
                        + " deliver (or report) one first");
    }
}
