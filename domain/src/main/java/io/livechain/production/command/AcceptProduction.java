package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The factory commits to a quantity and a completion date. */
public record AcceptProduction(
        @TargetAggregateIdentifier BatchId batchId,
        ParticipantId factoryId,
        int committedQuantity,
        Instant expectedCompletionAt) {}
