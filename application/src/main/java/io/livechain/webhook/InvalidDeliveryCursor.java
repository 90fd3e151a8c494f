package io.livechain.webhook;

import io.livechain.shared.BusinessRuleViolation;

/** A {@code cursor} that no page of a delivery log handed out. */
public final class InvalidDeliveryCursor extends BusinessRuleViolation {

    public InvalidDeliveryCursor() {
        super("invalid-cursor", Kind.INVALID, "cursor must be a nextCursor returned by this list");
    }
}
