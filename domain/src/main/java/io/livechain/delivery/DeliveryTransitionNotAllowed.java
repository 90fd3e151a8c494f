package io.livechain.delivery;

import io.livechain.shared.BusinessRuleViolation;

public final class DeliveryTransitionNotAllowed extends BusinessRuleViolation {

    public DeliveryTransitionNotAllowed(DeliveryStatus status, String action) {
        super(
                "delivery-transition-not-allowed",
                Kind.CONFLICT,
                "a delivery that is " + status + " cannot be " + action);
    }
}
