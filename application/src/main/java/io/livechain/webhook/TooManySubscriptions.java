package io.livechain.webhook;

import io.livechain.shared.BusinessRuleViolation;

/** A participant holds as many webhook subscriptions as it may. */
public final class TooManySubscriptions extends BusinessRuleViolation {

    public TooManySubscriptions(int limit) {
        super(
                "too-many-subscriptions",
                Kind.CONFLICT,
                "a participant holds at most " + limit + " webhook subscriptions: delete one first");
    }
}
