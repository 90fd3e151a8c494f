package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The factory declines; replenishment raises a new request. */
public record RejectProduction(@TargetAggregateIdentifier BatchId batchId, ParticipantId factoryId, String reason) {}
