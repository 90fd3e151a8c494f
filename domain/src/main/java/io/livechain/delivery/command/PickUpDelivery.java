package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PickUpDelivery(@TargetAggregateIdentifier DeliveryId deliveryId, ParticipantId courierId) {}
