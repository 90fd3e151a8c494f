package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DeliveryPickedUp(DeliveryId deliveryId, OrderId orderId, ParticipantId courierId)
        implements DeliveryEvent {}
