package io.livechain.delivery.query;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record DeliveryView(
        UUID id,
        UUID orderId,
        UUID pickupWarehouseId,
        String zone,
        int parcels,
        String status,
        @Nullable UUID courierId,
        int failedAttempts,
        Instant updatedAt) {}
