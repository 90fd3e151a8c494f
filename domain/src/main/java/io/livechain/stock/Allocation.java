package io.livechain.stock;

import io.livechain.participant.ParticipantId;

/** Where an order line's units will come from. */
public sealed interface Allocation {

    /** Held now, at this warehouse. */
    record Reserve(ParticipantId warehouseId) implements Allocation {}

    /** Queued until stock arrives (pre-sale). */
    record Backorder() implements Allocation {}

    /** No stock, and the offer does not allow waiting for it. */
    record Unavailable() implements Allocation {}
}
