package io.livechain.order;

import io.livechain.shared.BusinessRuleViolation;

/** Unknown, or another merchant's: both answer the same. */
public final class OrderNotFound extends BusinessRuleViolation {

    public OrderNotFound() {
        super("not-found", Kind.NOT_FOUND, "order not found");
    }
}
