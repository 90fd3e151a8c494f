package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/** The warehouse has the parcel back. */
@Revision("1")
public record ReturnConfirmed(DeliveryId deliveryId, OrderId orderId, ParticipantId warehouseId)
        implements DeliveryEvent {}
