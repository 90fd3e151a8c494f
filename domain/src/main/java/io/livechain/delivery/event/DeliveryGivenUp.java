package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/** Too many failed attempts: the parcel goes back to the warehouse. */
@Revision("1")
public record DeliveryGivenUp(DeliveryId deliveryId, OrderId orderId, ParticipantId warehouseId, int attempts)
        implements DeliveryEvent {}
