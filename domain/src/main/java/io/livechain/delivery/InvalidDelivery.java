package io.livechain.delivery;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidDelivery extends BusinessRuleViolation {

    public InvalidDelivery(String detail) {
        super("invalid-delivery", Kind.INVALID, detail);
    }
}
