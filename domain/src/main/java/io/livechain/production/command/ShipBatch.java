package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Units that passed quality control leave for a warehouse. The batch checks that they are left to ship; a quantity out
 * of range is refused before.
 */
public record ShipBatch(
        @TargetAggregateIdentifier BatchId batchId, ParticipantId factoryId, ParticipantId warehouseId, int quantity) {

    public ShipBatch {
        InvalidField.require(
                quantity >= 1 && quantity <= Limits.MAX_UNITS, "quantity", "between 1 and " + Limits.MAX_UNITS);
    }
}
