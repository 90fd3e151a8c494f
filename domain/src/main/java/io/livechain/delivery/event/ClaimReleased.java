package io.livechain.delivery.event;

import io.livechain.delivery.ClaimLedgerId;
import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/**
 * The ledger stopped counting a claim that had ended (delivered, reported as failed, or lapsed). Recorded when the
 * ledger next decides on the courier's claims, so it may come later than the end itself, never before it.
 */
@Revision("1")
public record ClaimReleased(ClaimLedgerId ledgerId, ParticipantId courierId, DeliveryId deliveryId)
        implements ClaimLedgerEvent {}
