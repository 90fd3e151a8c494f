package io.livechain.delivery;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/**
 * One delivery per shipment: packing a shipment twice cannot offer it twice. An order that ships as one has the
 * delivery {@link #of(OrderId)}; a part of an order, packed at one of several warehouses, {@link #of(OrderId,
 * ParticipantId)}.
 */
public record DeliveryId(UUID value) {

    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId of(OrderId orderId) {
        return new DeliveryId(Ids.derived("delivery", orderId));
    }

    public static DeliveryId of(OrderId orderId, ParticipantId warehouseId) {
        return new DeliveryId(Ids.derived("delivery", orderId, warehouseId));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
