package io.livechain.delivery.desk;

import io.livechain.delivery.Delivery;
import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.DeliveryNotFound;
import io.livechain.delivery.DeliveryStatus;
import io.livechain.delivery.DeliveryTransitionNotAllowed;
import io.livechain.delivery.command.ConfirmReturn;
import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.order.OrderNotFound;
import io.livechain.participant.ParticipantId;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.ReturnOrderStock;
import java.util.List;

/**
 * The warehouse has a returned shipment back: its delivery ends and the units of the lines it carried are in stock
 * again.
 */
public record ReturnConfirmation(ParticipantId warehouseId, OrderId orderId) implements UseCase<OrderId> {

    @Override
    public Decision<OrderId> decide(DeskState state) {
        Order order = state.order(orderId).orElseThrow(OrderNotFound::new);
        Order.Shipment shipment = order.shipmentFrom(warehouseId).orElseThrow(DeliveryNotFound::new);
        DeliveryId deliveryId = new DeliveryId(shipment.deliveryId());
        Delivery delivery = state.delivery(deliveryId)
                .filter(found -> found.warehouseId().equals(warehouseId))
                .orElseThrow(DeliveryNotFound::new);
        if (delivery.status() == DeliveryStatus.RETURNED) {
            return Decision.unchanged(orderId);
        }
        if (delivery.status() != DeliveryStatus.RETURNING) {
            throw new DeliveryTransitionNotAllowed(delivery.status(), "confirmed as returned");
        }
        List<InventoryId> inventories = shipment.skus().stream()
                .map(sku -> InventoryId.of(order.merchantId(), sku))
                .filter(inventoryId -> state.inventory(inventoryId).isPresent())
                .toList();
        return Decision.accept(orderId, changes -> {
            changes.delivery(deliveryId, d -> d.handle(new ConfirmReturn(deliveryId, warehouseId)));
            inventories.forEach(inventoryId -> changes.inventory(
                    inventoryId, inventory -> inventory.handle(new ReturnOrderStock(inventoryId, orderId))));
        });
    }
}
