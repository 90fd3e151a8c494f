package io.livechain.catalog.query;

import java.time.Instant;
import java.util.UUID;

public record ProductView(
        UUID id, String sku, String name, UUID factoryId, int batchSize, int leadTimeHours, Instant definedAt) {}
