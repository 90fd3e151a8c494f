package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Production is done: how many units were made, and how many of them passed quality control. */
public record CompleteProduction(
        @TargetAggregateIdentifier BatchId batchId,
        ParticipantId factoryId,
        int producedQuantity,
        int qcPassedQuantity) {

    /** Quantities out of range, or more passing quality control than were made, are refused before the batch sees them. */
    public CompleteProduction {
        InvalidField.require(
                producedQuantity >= 0 && producedQuantity <= Limits.MAX_UNITS,
                "producedQuantity",
                "between 0 and " + Limits.MAX_UNITS);
        InvalidField.require(
                qcPassedQuantity >= 0 && qcPassedQuantity <= producedQuantity,
                "qcPassedQuantity",
                "between 0 and producedQuantity");
    }
}
