package io.livechain.delivery.query;

import java.time.Instant;
import java.util.UUID;

public record DeliveryView(
        UUID id,
        UUID orderId,
        UUID pickupWarehouseId,
        String zone,
        int parcels,
        String status,
        UUID courierId,
        int failedAttempts,
        Instant updatedAt) {}
