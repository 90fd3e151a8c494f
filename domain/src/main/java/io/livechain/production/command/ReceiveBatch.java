package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A warehouse received units of the batch that were shipped to it. The batch checks that they are still on their
 * way; a quantity out of range is refused before.
 */
public record ReceiveBatch(@TargetAggregateIdentifier BatchId batchId, ParticipantId warehouseId, int quantity)
        implements DeskCommand {

    public ReceiveBatch {
        InvalidField.require(
                quantity >= 1 && quantity <= Limits.MAX_UNITS, "quantity", "between 1 and " + Limits.MAX_UNITS);
    }
}
