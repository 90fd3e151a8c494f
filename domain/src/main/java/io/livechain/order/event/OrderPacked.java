package io.livechain.order.event;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A shipment of the order was packed: the lines {@code skus} held at {@code warehouseId}, carried by the delivery
 * {@code deliveryId}. {@code allPacked} says that every line of the order is now packed: the order is PACKED.
 * {@code deliveryCode} is what the buyer gives the courier of that shipment at the door. It belongs to the order,
 * which only its merchant sees.
 *
 * <p>Revision 1 had no delivery code; revision 2 was always the whole order in one shipment (read as revision 3
 * with {@code skus} null, meaning every line, and {@code allPacked} true).
 */
@Revision("3")
public record OrderPacked(
        OrderId orderId,
        ParticipantId warehouseId,
        int parcels,
        String deliveryCode,
        UUID deliveryId,
        List<String> skus,
        boolean allPacked)
        implements OrderEvent {}
