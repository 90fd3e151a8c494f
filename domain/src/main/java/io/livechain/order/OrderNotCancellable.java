package io.livechain.order;

import io.livechain.shared.BusinessRuleViolation;

public final class OrderNotCancellable extends BusinessRuleViolation {

    public OrderNotCancellable(OrderStatus status) {
        super("order-not-cancellable", Kind.CONFLICT, "an order that is " + status + " cannot be cancelled");
    }

    public OrderNotCancellable(String detail) {
        super("order-not-cancellable", Kind.CONFLICT, detail);
    }
}
