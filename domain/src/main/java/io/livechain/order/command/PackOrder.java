package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The warehouse packed the lines of the paid order that it holds ({@code skus}) into parcels: one shipment, carried
 * by the delivery {@code deliveryId}. The buyer's delivery code for that shipment goes with it.
 */
public record PackOrder(
        @TargetAggregateIdentifier OrderId orderId,
        ParticipantId warehouseId,
        UUID deliveryId,
        List<String> skus,
        int parcels,
        String deliveryCode)
        implements DeskCommand {}
