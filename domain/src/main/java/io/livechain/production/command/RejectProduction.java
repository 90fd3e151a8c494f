package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The factory declines; replenishment raises a new request. */
public record RejectProduction(@TargetAggregateIdentifier BatchId batchId, ParticipantId factoryId, String reason) {

    public RejectProduction {
        InvalidField.requireText(reason, Limits.MAX_REASON_LENGTH, "reason");
        reason = reason.strip();
    }
}
