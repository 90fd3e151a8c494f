package io.livechain.delivery.query;

import io.livechain.order.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PickListEntry(
        UUID orderId, UUID merchantId, List<Line> lines, ShippingAddress shippingAddress, Instant placedAt) {

    public record Line(String sku, int quantity) {}
}
