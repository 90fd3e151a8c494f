package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delivered, with proof: who received it and the code they gave. */
public record DeliverParcel(
        @TargetAggregateIdentifier DeliveryId deliveryId, ParticipantId courierId, String recipientName, String code) {}
