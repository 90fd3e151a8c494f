package io.livechain.delivery.desk;

import io.livechain.delivery.Delivery;
import io.livechain.delivery.DeliveryCode;
import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.command.OfferDelivery;
import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.order.OrderNotFound;
import io.livechain.order.OrderNotReadyToPack;
import io.livechain.order.OrderStatus;
import io.livechain.order.command.PackOrder;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.ShipOrderStock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A paid order whose units are all held at this warehouse is packed: its units leave stock and a delivery is
 * offered to the couriers of the buyer's zone. Another warehouse's order answers as not found. Packing makes the
 * buyer's delivery code: the order (its merchant's) holds the code, the delivery only its hash, and neither the
 * warehouse's answer nor anything a courier sees tells it.
 */
public record OrderPacking(ParticipantId warehouseId, OrderId orderId, int parcels)
        implements UseCase<OrderPacking.Packed> {

    /** An invalid packing is refused before the desk sees it. */
    public OrderPacking {
        InvalidField.require(
                parcels >= 1 && parcels <= Limits.MAX_PARCELS, "parcels", "between 1 and " + Limits.MAX_PARCELS);
    }

    @Override
    public Decision<Packed> decide(DeskState state) {
        Order order = state.order(orderId).orElseThrow(OrderNotFound::new);
        ParticipantId merchantId = order.merchantId();
        List<InventoryId> inventories = new ArrayList<>();
        boolean anyHere = false;
        boolean allHere = true;
        for (String sku : order.skus()) {
            InventoryId inventoryId = InventoryId.of(merchantId, sku);
            Inventory inventory = state.inventory(inventoryId).orElseThrow(OrderNotFound::new);
            boolean here =
                    inventory.reservedAt(orderId).filter(warehouseId::equals).isPresent();
            anyHere |= here;
            allHere &= here;
            inventories.add(inventoryId);
        }
        DeliveryId deliveryId = DeliveryId.of(orderId);
        Packed packed = new Packed(orderId, deliveryId);
        Optional<Delivery> existing = state.delivery(deliveryId);
        if (existing.isPresent()) {
            if (!existing.get().warehouseId().equals(warehouseId)) {
                throw new OrderNotFound();
            }
            return Decision.unchanged(packed); // packed here before: nothing to do
        }
        if (!anyHere) {
            throw new OrderNotFound();
        }
        if (order.status() != OrderStatus.PAID) {
            throw new OrderNotReadyToPack(order.status());
        }
        if (!allHere) {
            throw new OrderNotReadyToPack("some of the order's units are not held at this warehouse");
        }
        Order.checkParcels(parcels);
        String zone = order.shippingZone();
        String code = DeliveryCode.random();
        String codeHash = DeliveryCode.hash(deliveryId, code);
        return Decision.accept(packed, changes -> {
            changes.order(orderId, o -> o.handle(new PackOrder(orderId, warehouseId, parcels, code)));
            inventories.forEach(inventoryId -> changes.inventory(
                    inventoryId, inventory -> inventory.handle(new ShipOrderStock(inventoryId, orderId))));
            changes.newDelivery(() -> new Delivery(
                    new OfferDelivery(deliveryId, orderId, merchantId, warehouseId, zone, parcels, codeHash)));
        });
    }

    public record Packed(OrderId orderId, DeliveryId deliveryId) {}
}
