package io.livechain.production;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidBatch extends BusinessRuleViolation {

    /** About one field of the request: {@code field} names it as the client sent it. */
    public InvalidBatch(String field, String detail) {
        super("invalid-batch", Kind.INVALID, field, field + ": " + detail);
    }
}
