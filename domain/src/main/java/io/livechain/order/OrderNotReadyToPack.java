package io.livechain.order;

import io.livechain.shared.BusinessRuleViolation;

public final class OrderNotReadyToPack extends BusinessRuleViolation {

    public OrderNotReadyToPack(OrderStatus status) {
        super("order-not-ready-to-pack", Kind.CONFLICT, "an order that is " + status + " cannot be packed");
    }

    public OrderNotReadyToPack(String detail) {
        super("order-not-ready-to-pack", Kind.CONFLICT, detail);
    }
}
