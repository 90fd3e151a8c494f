package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/** Offered to the couriers of the zone (again, after a failed attempt or a lapsed claim; merchantId is set the first time). */
@Revision("1")
public record DeliveryOffered(
        DeliveryId deliveryId,
        OrderId orderId,
        ParticipantId merchantId,
        ParticipantId warehouseId,
        String zone,
        int parcels)
        implements DeliveryEvent {}
