package io.livechain.delivery.command;

import io.livechain.delivery.ClaimLedgerId;
import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The courier's ledger counts one more open claim, unless the courier already holds {@code limit}. */
public record TakeClaim(
        @TargetAggregateIdentifier ClaimLedgerId ledgerId, ParticipantId courierId, DeliveryId deliveryId, int limit) {}
