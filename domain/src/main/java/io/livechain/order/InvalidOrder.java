package io.livechain.order;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidOrder extends BusinessRuleViolation {

    public InvalidOrder(String detail) {
        super("invalid-order", Kind.INVALID, detail);
    }
}
