package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

public final class SoldOut extends BusinessRuleViolation {

    public SoldOut(String sku) {
        super("sold-out", Kind.CONFLICT, "SKU " + sku + " is sold out");
    }
}
