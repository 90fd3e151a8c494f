package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmReturn(@TargetAggregateIdentifier DeliveryId deliveryId, ParticipantId warehouseId)
        implements DeskCommand {}
