package io.livechain.production.event;

import io.livechain.production.BatchId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductionRequestRevised(BatchId batchId, int quantity, Instant neededBy) implements ProductionEvent {}
