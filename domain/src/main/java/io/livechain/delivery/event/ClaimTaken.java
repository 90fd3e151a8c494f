package io.livechain.delivery.event;

import io.livechain.delivery.ClaimLedgerId;
import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/** The courier holds one more open claim (recorded with the delivery's own DeliveryClaimed, in one commit). */
@Revision("1")
public record ClaimTaken(ClaimLedgerId ledgerId, ParticipantId courierId, DeliveryId deliveryId)
        implements ClaimLedgerEvent {}
