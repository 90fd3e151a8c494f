package io.livechain.catalog.query;

import io.livechain.participant.ParticipantId;

/** Answered with {@code Optional<ProductView>}. */
public record FindProduct(ParticipantId merchantId, String sku) {}
