package io.livechain.production.query;

import io.livechain.order.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a merchant needs when a batch fails a late quality check: every order that received units of it (taken from
 * its lot, first in first out, and not given back before they left), with where those units are now.
 */
public record BatchOrders(UUID batchId, String sku, List<RecalledOrder> orders) {

    /**
     * One order's units of the batch: the order's status, its buyer and address, and the delivery that carries the
     * line (null until it is packed): who has it and where it stands.
     */
    public record RecalledOrder(
            UUID orderId,
            int quantity,
            String status,
            String buyerId,
            @Nullable ShippingAddress shippingAddress,
            @Nullable RecalledDelivery delivery) {}

    /** The delivery of the line: from which warehouse, to which zone, with which courier, in which state. */
    public record RecalledDelivery(
            UUID deliveryId,
            UUID pickupWarehouseId,
            String zone,
            String status,
            @Nullable UUID courierId,
            int failedAttempts,
            Instant updatedAt) {}
}
