package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Units that passed quality control leave for a warehouse. */
public record ShipBatch(
        @TargetAggregateIdentifier BatchId batchId, ParticipantId factoryId, ParticipantId warehouseId, int quantity) {}
