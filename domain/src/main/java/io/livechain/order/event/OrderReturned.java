package io.livechain.order.event;

import io.livechain.order.OrderId;
import org.axonframework.serialization.Revision;

/** The delivery was given up; the parcel goes back to the warehouse. */
@Revision("1")
public record OrderReturned(OrderId orderId) implements OrderEvent {}
