package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/** The courier did not pick it up in time; it is offered again. */
@Revision("1")
public record ClaimExpired(DeliveryId deliveryId, OrderId orderId, ParticipantId courierId) implements DeliveryEvent {}
