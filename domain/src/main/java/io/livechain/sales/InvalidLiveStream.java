package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidLiveStream extends BusinessRuleViolation {

    public InvalidLiveStream(String detail) {
        super("invalid-live-stream", Kind.INVALID, detail);
    }
}
