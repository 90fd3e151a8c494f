package io.livechain.infrastructure.axon.upcasting;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.order.event.OrderPacked;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 2 of {@link OrderPacked} always packed the whole order, carried by the order's one delivery: read as
 * revision 3, it is the shipment of every line ({@code skus} null), by the delivery {@link DeliveryId#of(OrderId)},
 * and leaves the order packed.
 */
public final class OrderPackedAsOneShipment extends JsonEventUpcaster {

    public OrderPackedAsOneShipment() {
        super(OrderPacked.class, "2", "3");
    }

    @Override
    protected void upcast(ObjectNode payload) {
        OrderId orderId =
                new OrderId(UUID.fromString(payload.get("orderId").get("value").asString()));
        payload.put("deliveryId", DeliveryId.of(orderId).toString());
        payload.putNull("skus");
        payload.put("allPacked", true);
    }
}
