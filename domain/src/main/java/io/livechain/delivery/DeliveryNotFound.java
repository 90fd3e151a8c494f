package io.livechain.delivery;

import io.livechain.shared.BusinessRuleViolation;

/** Unknown, or not this courier's (or warehouse's) to see. */
public final class DeliveryNotFound extends BusinessRuleViolation {

    public DeliveryNotFound() {
        super("not-found", Kind.NOT_FOUND, "delivery not found");
    }
}
