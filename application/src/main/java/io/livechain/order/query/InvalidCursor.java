package io.livechain.order.query;

import io.livechain.shared.BusinessRuleViolation;

/** A {@code cursor} that no page of this list handed out. */
public final class InvalidCursor extends BusinessRuleViolation {

    public InvalidCursor() {
        super("invalid-cursor", Kind.INVALID, "cursor must be a nextCursor returned by this list");
    }
}
