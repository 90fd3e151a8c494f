package io.livechain.delivery.query;

import java.time.Instant;
import java.util.UUID;

public record DeliveryOfferView(
        UUID deliveryId, UUID orderId, UUID pickupWarehouseId, String zone, int parcels, Instant offeredAt) {}
