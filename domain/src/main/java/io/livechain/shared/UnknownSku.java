package io.livechain.shared;

/** A request names a SKU that is not in the merchant's catalogue (or not offered where it is asked for). */
public final class UnknownSku extends BusinessRuleViolation {

    public UnknownSku(String sku, String where) {
        super("unknown-sku", Kind.UNPROCESSABLE, "SKU " + sku + " is not " + where);
    }
}
