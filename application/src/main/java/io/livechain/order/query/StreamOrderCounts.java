package io.livechain.order.query;

import io.livechain.order.OrderStatus;
import java.util.Map;

/** The orders of a live stream by status: from placed to the door, and those that ended without reaching it. */
public record StreamOrderCounts(
        int placed, int paid, int packed, int outForDelivery, int delivered, int returned, int cancelled, int expired) {

    /** From counts keyed by {@link OrderStatus} name; a status not in the map counts zero. */
    public static StreamOrderCounts of(Map<String, Integer> byStatus) {
        return new StreamOrderCounts(
                count(byStatus, OrderStatus.PLACED),
                count(byStatus, OrderStatus.PAID),
                count(byStatus, OrderStatus.PACKED),
                count(byStatus, OrderStatus.OUT_FOR_DELIVERY),
                count(byStatus, OrderStatus.DELIVERED),
                count(byStatus, OrderStatus.RETURNED),
                count(byStatus, OrderStatus.CANCELLED),
                count(byStatus, OrderStatus.EXPIRED));
    }

    private static int count(Map<String, Integer> byStatus, OrderStatus status) {
        return byStatus.getOrDefault(status.name(), 0);
    }
}
