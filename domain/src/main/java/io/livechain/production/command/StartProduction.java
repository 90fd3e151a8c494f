package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartProduction(@TargetAggregateIdentifier BatchId batchId, ParticipantId factoryId) {}
