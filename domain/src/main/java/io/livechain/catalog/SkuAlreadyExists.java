package io.livechain.catalog;

import io.livechain.shared.BusinessRuleViolation;

public final class SkuAlreadyExists extends BusinessRuleViolation {

    public SkuAlreadyExists(String sku) {
        super("sku-already-exists", Kind.CONFLICT, "the catalogue already has a product with SKU " + sku);
    }
}
