package io.livechain.order.query;

import io.livechain.order.ShippingAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as its merchant sees it. {@code stock} sums up the lines: RESERVED when every line holds units,
 * BACKORDERED while any line waits for stock, RELEASED once its units went back. {@code deliveries} has one delivery
 * per shipment (an order held at several warehouses ships from each), each with the buyer's delivery code for it;
 * {@code delivery} is that delivery when the order ships as one, else null.
 */
public record OrderView(
        UUID id,
        String status,
        String stock,
        UUID liveStreamId,
        String buyerId,
        List<OrderLineView> lines,
        ShippingAddress shippingAddress,
        BigDecimal total,
        Instant paymentDueAt,
        @Nullable OrderDeliveryView delivery,
        List<OrderDeliveryView> deliveries,
        Instant createdAt,
        Instant updatedAt) {

    public record OrderLineView(
            String sku,
            int quantity,
            BigDecimal unitPrice,
            String stock,
            @Nullable UUID warehouseId,
            @Nullable UUID deliveryId) {}
}
