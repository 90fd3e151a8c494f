package io.livechain.production.query;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;

/**
 * One batch with the orders it served, as its factory (factoryId set) or its merchant (merchantId set) sees it;
 * answered with {@code Optional<BatchView>}, empty for anyone else.
 */
public record FindBatch(BatchId batchId, ParticipantId factoryId, ParticipantId merchantId) {}
