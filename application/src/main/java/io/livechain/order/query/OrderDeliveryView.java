package io.livechain.order.query;

import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of a packed order, as its merchant sees it: with the buyer's delivery {@code code}, which the buyer
 * gives the courier at the door (couriers and warehouses never see it).
 */
public record OrderDeliveryView(
        UUID id,
        UUID orderId,
        UUID pickupWarehouseId,
        String zone,
        int parcels,
        String status,
        UUID courierId,
        int failedAttempts,
        String code,
        Instant updatedAt) {}
