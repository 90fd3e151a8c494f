package io.livechain.production;

import io.livechain.shared.BusinessRuleViolation;

/** Unknown, or another factory's. */
public final class BatchNotFound extends BusinessRuleViolation {

    public BatchNotFound() {
        super("not-found", Kind.NOT_FOUND, "production batch not found");
    }
}
