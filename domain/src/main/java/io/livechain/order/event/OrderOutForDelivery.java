package io.livechain.order.event;

import io.livechain.order.OrderId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderOutForDelivery(OrderId orderId) implements OrderEvent {}
