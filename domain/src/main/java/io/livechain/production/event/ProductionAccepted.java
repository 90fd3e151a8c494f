package io.livechain.production.event;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductionAccepted(
        BatchId batchId, ParticipantId merchantId, String sku, int committedQuantity, Instant expectedCompletionAt)
        implements ProductionEvent {}
