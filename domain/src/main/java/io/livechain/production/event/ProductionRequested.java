package io.livechain.production.event;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A factory was asked to make units of a merchant's SKU. */
@Revision("1")
public record ProductionRequested(
        BatchId batchId, ParticipantId merchantId, ParticipantId factoryId, String sku, int quantity, Instant neededBy)
        implements ProductionEvent {}
