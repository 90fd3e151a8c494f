package io.livechain.catalog;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidProduct extends BusinessRuleViolation {

    public InvalidProduct(String detail) {
        super("invalid-product", Kind.INVALID, detail);
    }
}
