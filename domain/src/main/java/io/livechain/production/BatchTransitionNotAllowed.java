package io.livechain.production;

import io.livechain.shared.BusinessRuleViolation;

public final class BatchTransitionNotAllowed extends BusinessRuleViolation {

    public BatchTransitionNotAllowed(BatchStatus status, String action) {
        super("batch-transition-not-allowed", Kind.CONFLICT, "a batch that is " + status + " cannot be " + action);
    }
}
