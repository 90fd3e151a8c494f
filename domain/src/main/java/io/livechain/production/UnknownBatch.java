package io.livechain.production;

import io.livechain.shared.BusinessRuleViolation;

/** A receipt names a batch that does not exist or was not made for that merchant's SKU. */
public final class UnknownBatch extends BusinessRuleViolation {

    public UnknownBatch() {
        super("unknown-batch", Kind.UNPROCESSABLE, "batchId does not name a production batch of that merchant's SKU");
    }
}
