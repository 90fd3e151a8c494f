package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The warehouse packed the paid order into parcels; its units leave stock. The buyer's delivery code goes with it. */
public record PackOrder(
        @TargetAggregateIdentifier OrderId orderId, ParticipantId warehouseId, int parcels, String deliveryCode)
        implements DeskCommand {}
