package io.livechain.stock;

import java.util.UUID;

/**
 * Units that came from one production batch ({@code batchId}), or from a receipt without a batch ({@code batchId}
 * null): which lot an order's units were taken from, so that a batch can be recalled.
 */
public record BatchUnits(UUID batchId, int quantity) {}
