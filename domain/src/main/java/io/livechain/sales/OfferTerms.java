package io.livechain.sales;

import java.math.BigDecimal;

/** What one SKU is sold for during a live stream, and how much of it. */
public record OfferTerms(String sku, BigDecimal price, int quantity, int perBuyerLimit, boolean allowBackorder) {}
