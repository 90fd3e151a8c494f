package io.livechain.participant.query;

import java.time.Instant;
import java.util.UUID;

/** A merchant a warehouse serves, since {@code linkedAt}. */
public record WarehouseMerchantView(UUID merchantId, String name, Instant linkedAt) {}
