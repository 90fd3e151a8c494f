package io.livechain.production.query;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A production batch from request to receipt; {@code reason} is set when the factory rejected it. */
public record ProductionRequestView(
        UUID id,
        UUID merchantId,
        UUID factoryId,
        String sku,
        int quantity,
        @Nullable Instant neededBy,
        String status,
        @Nullable String reason,
        @Nullable Integer committedQuantity,
        @Nullable Instant expectedCompletionAt,
        @Nullable Integer producedQuantity,
        @Nullable Integer qcPassedQuantity,
        int shippedQuantity,
        int receivedQuantity,
        Instant requestedAt) {}
