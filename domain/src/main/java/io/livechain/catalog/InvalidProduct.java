package io.livechain.catalog;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidProduct extends BusinessRuleViolation {

    public InvalidProduct(String detail) {
        super("invalid-product", Kind.INVALID, detail);
    }

    /** About one field of the request: {@code field} names it as the client sent it. */
    public InvalidProduct(String field, String detail) {
        super("invalid-product", Kind.INVALID, field, field + ": " + detail);
    }
}
