package io.livechain.order.event;

import io.livechain.order.OrderId;
import io.livechain.order.OrderStatus;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * One shipment of an order that ships in several moved on ({@code stage}: OUT_FOR_DELIVERY, DELIVERED or RETURNED)
 * while the order as a whole did not: it waits for its other shipments. When a shipment's progress moves the order,
 * the order's own event (OrderOutForDelivery, OrderDelivered, OrderReturned) records it instead.
 */
@Revision("1")
public record ShipmentProgressed(OrderId orderId, UUID deliveryId, OrderStatus stage) implements OrderEvent {}
