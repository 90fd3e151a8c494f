package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

public final class InvalidLiveStream extends BusinessRuleViolation {

    public InvalidLiveStream(String detail) {
        super("invalid-live-stream", Kind.INVALID, detail);
    }

    /** About one field of the request: {@code field} names it as the client sent it. */
    public InvalidLiveStream(String field, String detail) {
        super("invalid-live-stream", Kind.INVALID, field, field + ": " + detail);
    }
}
