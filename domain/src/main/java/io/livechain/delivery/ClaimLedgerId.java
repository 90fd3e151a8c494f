package io.livechain.delivery;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** One claim ledger per courier (its id is derived from the courier's, never the same as the courier's own). */
public record ClaimLedgerId(UUID value) {

    public ClaimLedgerId {
        Objects.requireNonNull(value, "value");
    }

    public static ClaimLedgerId of(ParticipantId courierId) {
        return new ClaimLedgerId(Ids.derived("claim-ledger", courierId));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
