package io.livechain.production.command;

import io.livechain.production.BatchId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Demand changed before the factory answered: the request's size follows it. */
public record ReviseProductionRequest(
        @TargetAggregateIdentifier BatchId batchId, int quantity, Instant neededBy) {}
