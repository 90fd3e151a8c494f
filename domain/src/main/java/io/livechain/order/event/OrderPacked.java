package io.livechain.order.event;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/**
 * Packed; {@code deliveryCode} is what the buyer gives the courier at the door. It belongs to the order, which only
 * its merchant sees (revision 1, before delivery codes, had none).
 */
@Revision("2")
public record OrderPacked(OrderId orderId, ParticipantId warehouseId, int parcels, String deliveryCode)
        implements OrderEvent {}
