package io.livechain.production;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidBatch extends BusinessRuleViolation {

    public InvalidBatch(String detail) {
        super("invalid-batch", Kind.INVALID, detail);
    }
}
