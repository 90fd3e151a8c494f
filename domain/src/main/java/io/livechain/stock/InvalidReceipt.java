package io.livechain.stock;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidReceipt extends BusinessRuleViolation {

    public InvalidReceipt(String detail) {
        super("invalid-receipt", Kind.INVALID, detail);
    }
}
