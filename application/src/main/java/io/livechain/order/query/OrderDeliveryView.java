package io.livechain.order.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The delivery of one shipment of an order (the lines {@code skus}, packed at {@code pickupWarehouseId}), as its
 * merchant sees it: with the buyer's delivery {@code code}, which the buyer gives the courier at the door (couriers
 * and warehouses never see it). No courier until one claims it; no code for a delivery packed before codes were given.
 */
public record OrderDeliveryView(
        UUID id,
        UUID orderId,
        UUID pickupWarehouseId,
        List<String> skus,
        String zone,
        int parcels,
        String status,
        @Nullable UUID courierId,
        int failedAttempts,
        @Nullable String code,
        Instant updatedAt) {}
