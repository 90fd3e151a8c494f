package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/**
 * Offered to the couriers of the zone (again, after a failed attempt or a lapsed claim; merchantId and codeHash are
 * set the first time). {@code codeHash} is the hash of the buyer's delivery code, never the code (revision 1, before
 * delivery codes, had none: such a delivery takes any code).
 */
@Revision("2")
public record DeliveryOffered(
        DeliveryId deliveryId,
        OrderId orderId,
        ParticipantId merchantId,
        ParticipantId warehouseId,
        String zone,
        int parcels,
        String codeHash)
        implements DeliveryEvent {}
