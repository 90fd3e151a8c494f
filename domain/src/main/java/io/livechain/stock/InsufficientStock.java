package io.livechain.stock;

import io.livechain.shared.BusinessRuleViolation;

/** A reservation that would hold more units than a warehouse has: the no-overselling rule. */
public final class InsufficientStock extends BusinessRuleViolation {

    public InsufficientStock(String sku) {
        super("sold-out", Kind.CONFLICT, "not enough stock of SKU " + sku);
    }
}
