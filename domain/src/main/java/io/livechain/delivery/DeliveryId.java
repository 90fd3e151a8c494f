package io.livechain.delivery;

import io.livechain.order.OrderId;
import io.livechain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** One delivery per order: packing an order twice cannot offer it twice. */
public record DeliveryId(UUID value) {

    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId of(OrderId orderId) {
        return new DeliveryId(Ids.derived("delivery", orderId));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
