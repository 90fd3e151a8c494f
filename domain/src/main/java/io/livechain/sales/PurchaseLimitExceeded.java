package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

public final class PurchaseLimitExceeded extends BusinessRuleViolation {

    public PurchaseLimitExceeded(String sku, int limit) {
        super(
                "purchase-limit-exceeded",
                Kind.CONFLICT,
                "a buyer may hold at most " + limit + " units of SKU " + sku + " from this live stream");
    }
}
