package io.livechain.order;

public enum OrderStatus {
    PLACED,
    PAID,
    PACKED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    EXPIRED,
    CANCELLED,
    RETURNED
}
