package io.livechain.order;

import io.livechain.shared.BusinessRuleViolation;

public final class OrderNotPayable extends BusinessRuleViolation {

    public OrderNotPayable(OrderStatus status) {
        super("order-not-payable", Kind.CONFLICT, "an order that is " + status + " cannot be paid");
    }
}
