package io.livechain.production.event;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import org.axonframework.serialization.Revision;

/** Units of the batch are on their way to a warehouse: inbound stock. */
@Revision("1")
public record BatchShipped(
        BatchId batchId, ParticipantId merchantId, String sku, ParticipantId warehouseId, int quantity)
        implements ProductionEvent {}
