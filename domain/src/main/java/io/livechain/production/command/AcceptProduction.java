package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The factory commits to a quantity and a completion date. */
public record AcceptProduction(
        @TargetAggregateIdentifier BatchId batchId,
        ParticipantId factoryId,
        int committedQuantity,
        Instant expectedCompletionAt) {

    /** A commitment out of range is refused before the batch sees it. */
    public AcceptProduction {
        InvalidField.require(
                committedQuantity >= 1 && committedQuantity <= Limits.MAX_UNITS,
                "committedQuantity",
                "between 1 and " + Limits.MAX_UNITS);
        InvalidField.require(
                Limits.isKeepable(expectedCompletionAt),
                "expectedCompletionAt",
                "required, between years 1970 and 9999");
    }
}
