package io.livechain.stock.query;

import io.livechain.participant.ParticipantId;
import java.time.Instant;

/**
 * A SKU's stock as it stood at {@code asOf}, from the events stored up to then. Answered with
 * {@code Optional<StockView>}: empty when the merchant had no such SKU at that moment.
 */
public record FindStockAsOf(ParticipantId merchantId, String sku, Instant asOf) {}
