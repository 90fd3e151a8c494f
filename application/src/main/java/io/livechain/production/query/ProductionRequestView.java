package io.livechain.production.query;

import java.time.Instant;
import java.util.UUID;

/** A production batch from request to receipt; {@code reason} is set when the factory rejected it. */
public record ProductionRequestView(
        UUID id,
        UUID merchantId,
        UUID factoryId,
        String sku,
        int quantity,
        Instant neededBy,
        String status,
        String reason,
        Integer committedQuantity,
        Instant expectedCompletionAt,
        Integer producedQuantity,
        Integer qcPassedQuantity,
        int shippedQuantity,
        int receivedQuantity,
        Instant requestedAt) {}
