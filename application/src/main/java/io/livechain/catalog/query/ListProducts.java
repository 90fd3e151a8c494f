package io.livechain.catalog.query;

import io.livechain.participant.ParticipantId;

/** A merchant's catalogue, by SKU; answered with a list of {@link ProductView}. */
public record ListProducts(ParticipantId merchantId) {}
