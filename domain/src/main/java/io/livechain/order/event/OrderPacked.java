package io.livechain.order.event;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderPacked(OrderId orderId, ParticipantId warehouseId, int parcels) implements OrderEvent {}
