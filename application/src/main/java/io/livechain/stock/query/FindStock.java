package io.livechain.stock.query;

import io.livechain.participant.ParticipantId;

/** Answered with {@code Optional<StockView>}: empty when the SKU is not in the merchant's catalogue. */
public record FindStock(ParticipantId merchantId, String sku) {}
