package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replenishment asks the product's factory to make units. */
public record RequestProduction(
        @TargetAggregateIdentifier BatchId batchId,
        ParticipantId merchantId,
        ParticipantId factoryId,
        String sku,
        int quantity,
        Instant neededBy) {}
