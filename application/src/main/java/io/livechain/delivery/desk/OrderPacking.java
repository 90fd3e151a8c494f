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
 * A warehouse packs the lines of a paid order that it holds: their units leave stock and a delivery is offered to the
 * couriers of the buyer's zone. An order held at several warehouses ships as one shipment from each (ADR 0009); it
 * is packed once none of its lines waits for stock any more. An order with nothing held here answers as not found.
 * Packing makes the shipment's delivery code: the order (its merchant's) holds the code, the delivery only its hash,
 * and neither the warehouse's answer nor anything a courier sees tells it.
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
        Optional<Order.Shipment> packedBefore = order.shipmentFrom(warehouseId);
        if (packedBefore.isPresent()) {
            Order.Shipment shipment = packedBefore.get();
            return Decision.unchanged(new Packed(orderId, new DeliveryId(shipment.deliveryId()), shipment.skus()));
        }
        ParticipantId merchantId = order.merchantId();
        List<String> here = new ArrayList<>();
        boolean waiting = false;
        for (String sku : order.skus()) {
            Inventory inventory =
                    state.inventory(InventoryId.of(merchantId, sku)).orElseThrow(OrderNotFound::new);
            Optional<ParticipantId> heldAt = inventory.reservedAt(orderId);
            if (heldAt.filter(warehouseId::equals).isPresent()) {
                here.add(sku);
            }
            waiting |= heldAt.isEmpty() && order.shipmentOf(sku).isEmpty();
        }
        if (here.isEmpty()) {
            throw new OrderNotFound();
        }
        if (order.status() != OrderStatus.PAID) {
            throw new OrderNotReadyToPack(order.status());
        }
        if (waiting) {
            throw new OrderNotReadyToPack("some of the order's units still wait for stock");
        }
        Order.checkParcels(parcels);
        DeliveryId deliveryId =
                here.size() == order.skus().size() ? DeliveryId.of(orderId) : DeliveryId.of(orderId, warehouseId);
        String zone = order.shippingZone();
        String code = DeliveryCode.random();
        String codeHash = DeliveryCode.hash(deliveryId, code);
        return Decision.accept(new Packed(orderId, deliveryId, List.copyOf(here)), changes -> {
            changes.order(
                    orderId,
                    o -> o.handle(new PackOrder(orderId, warehouseId, deliveryId.value(), here, parcels, code)));
            here.forEach(sku -> {
                InventoryId inventoryId = InventoryId.of(merchantId, sku);
                changes.inventory(inventoryId, inventory -> inventory.handle(new ShipOrderStock(inventoryId, orderId)));
            });
            changes.newDelivery(() -> new Delivery(
                    new OfferDelivery(deliveryId, orderId, merchantId, warehouseId, zone, parcels, codeHash)));
        });
    }

    /** The shipment: the order's lines packed here, and the delivery that carries them. */
    public record Packed(OrderId orderId, DeliveryId deliveryId, List<String> skus) {}
}
