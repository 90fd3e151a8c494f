package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/** Delivered at the door, with proof. */
@Revision("1")
public record DeliveryCompleted(
        DeliveryId deliveryId, OrderId orderId, ParticipantId courierId, String recipientName, String code)
        implements DeliveryEvent {}
