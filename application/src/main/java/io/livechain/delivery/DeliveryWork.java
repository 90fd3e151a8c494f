package io.livechain.delivery;

import io.livechain.delivery.command.ConfirmReturn;
import io.livechain.delivery.command.OfferDelivery;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.order.OrderNotFound;
import io.livechain.order.OrderNotReadyToPack;
import io.livechain.order.OrderStatus;
import io.livechain.order.command.PackOrder;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.admission.DeskContext;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.ReturnOrderStock;
import io.livechain.stock.command.ShipOrderStock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.modelling.command.Aggregate;

/** Warehouse work the admission desk carries out, because it changes stock: packing, and taking returns back. */
public final class DeliveryWork {

    private DeliveryWork() {}

    /**
     * A paid order whose units are all held at this warehouse is packed: its units leave stock and a delivery is
     * offered to the couriers of the buyer's zone. Another warehouse's order answers as not found.
     */
    public static Function<DeskContext, Packed> pack(ParticipantId warehouseId, OrderId orderId, int parcels) {
        return context -> {
            Aggregate<Order> order = context.order(orderId).orElseThrow(OrderNotFound::new);
            ParticipantId merchantId = order.invoke(Order::merchantId);
            List<Aggregate<Inventory>> inventories = new ArrayList<>();
            boolean anyHere = false;
            boolean allHere = true;
            for (String sku : order.invoke(Order::skus)) {
                Aggregate<Inventory> inventory =
                        context.inventory(InventoryId.of(merchantId, sku)).orElseThrow(OrderNotFound::new);
                Optional<ParticipantId> heldAt = inventory.invoke(i -> i.reservedAt(orderId));
                anyHere |= heldAt.filter(warehouseId::equals).isPresent();
                allHere &= heldAt.filter(warehouseId::equals).isPresent();
                inventories.add(inventory);
            }
            OrderStatus status = order.invoke(Order::status);
            DeliveryId deliveryId = DeliveryId.of(orderId);
            Optional<Aggregate<Delivery>> existing = context.delivery(deliveryId);
            if (existing.isPresent()) {
                if (!existing.get().invoke(Delivery::warehouseId).equals(warehouseId)) {
                    throw new OrderNotFound();
                }
                return new Packed(orderId, deliveryId); // packed here before: nothing to do
            }
            if (!anyHere) {
                throw new OrderNotFound();
            }
            if (status != OrderStatus.PAID) {
                throw new OrderNotReadyToPack(status);
            }
            if (!allHere) {
                throw new OrderNotReadyToPack("some of the order's units are not held at this warehouse");
            }
            context.beginChanges();
            order.execute(o -> o.handle(new PackOrder(orderId, warehouseId, parcels)));
            inventories.forEach(inventory ->
                    inventory.execute(i -> i.handle(new ShipOrderStock(InventoryId.of(merchantId, i.sku()), orderId))));
            String zone = order.invoke(Order::shippingZone);
            context.newDelivery(
                    () -> new Delivery(new OfferDelivery(deliveryId, orderId, merchantId, warehouseId, zone, parcels)));
            return new Packed(orderId, deliveryId);
        };
    }

    /** The warehouse has a returned parcel back: the delivery ends and the units are in stock again. */
    public static Function<DeskContext, OrderId> confirmReturn(ParticipantId warehouseId, OrderId orderId) {
        return context -> {
            Aggregate<Delivery> delivery = context.delivery(DeliveryId.of(orderId))
                    .filter(found -> found.invoke(Delivery::warehouseId).equals(warehouseId))
                    .orElseThrow(DeliveryNotFound::new);
            Aggregate<Order> order = context.order(orderId).orElseThrow(OrderNotFound::new);
            ParticipantId merchantId = order.invoke(Order::merchantId);
            DeliveryStatus status = delivery.invoke(Delivery::status);
            if (status == DeliveryStatus.RETURNED) {
                return orderId;
            }
            if (status != DeliveryStatus.RETURNING) {
                throw new DeliveryTransitionNotAllowed(status, "confirmed as returned");
            }
            context.beginChanges();
            delivery.execute(d -> d.handle(new ConfirmReturn(DeliveryId.of(orderId), warehouseId)));
            for (String sku : order.invoke(Order::skus)) {
                context.inventory(InventoryId.of(merchantId, sku))
                        .ifPresent(inventory -> inventory.execute(
                                i -> i.handle(new ReturnOrderStock(InventoryId.of(merchantId, sku), orderId))));
            }
            return orderId;
        };
    }

    public record Packed(OrderId orderId, DeliveryId deliveryId) {}
}
