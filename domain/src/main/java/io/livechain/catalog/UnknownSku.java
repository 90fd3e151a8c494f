package io.livechain.catalog;

import io.livechain.shared.BusinessRuleViolation;

/** A request names a SKU that is not in the merchant's catalogue (or not offered where it is asked for). */
public final class UnknownSku extends BusinessRuleViolation {

    public UnknownSku(String sku, String where) {
        super("unknown-sku", Kind.UNPROCESSABLE, "SKU " + sku + " is not " + where);
    }
}
