package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

/** Unknown, or another merchant's. */
public final class LiveStreamNotFound extends BusinessRuleViolation {

    public LiveStreamNotFound() {
        super("not-found", Kind.NOT_FOUND, "live stream not found");
    }
}
