package io.livechain.production.event;

import io.livechain.production.BatchId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductionStarted(BatchId batchId) implements ProductionEvent {}
