package io.livechain.production.query;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;

/**
 * Every order that received units of a batch, for a recall: answered with {@code Optional<BatchOrders>}, empty
 * unless the batch is for one of the merchant's SKUs.
 */
public record FindBatchOrders(BatchId batchId, ParticipantId merchantId) {}
