package io.livechain.production.event;

import io.livechain.production.BatchId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductionCompleted(BatchId batchId, int producedQuantity, int qcPassedQuantity)
        implements ProductionEvent {}
