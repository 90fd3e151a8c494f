package io.livechain.production.event;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BatchReceived(
        BatchId batchId, ParticipantId merchantId, String sku, ParticipantId warehouseId, int quantity)
        implements ProductionEvent {}
