package io.livechain.delivery.event;

import io.livechain.delivery.ClaimLedgerId;
import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;

/** Everything that happens to a courier's claim ledger. */
public sealed interface ClaimLedgerEvent permits ClaimTaken, ClaimReleased {

    ClaimLedgerId ledgerId();

    ParticipantId courierId();

    DeliveryId deliveryId();
}
