package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.shared.DeskCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReceiveBatch(@TargetAggregateIdentifier BatchId batchId, ParticipantId warehouseId, int quantity)
        implements DeskCommand {}
