package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A packed order waits at its warehouse for a courier of the buyer's zone. {@code codeHash} is the hash of the buyer's
 * delivery code ({@link io.livechain.delivery.DeliveryCode#hash}): the delivery never holds the code itself.
 */
public record OfferDelivery(
        @TargetAggregateIdentifier DeliveryId deliveryId,
        OrderId orderId,
        ParticipantId merchantId,
        ParticipantId warehouseId,
        String zone,
        int parcels,
        String codeHash)
        implements DeskCommand {}
