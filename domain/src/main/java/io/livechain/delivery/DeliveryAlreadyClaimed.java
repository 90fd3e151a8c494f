package io.livechain.delivery;

import io.livechain.shared.BusinessRuleViolation;

/** Another courier was first. */
public final class DeliveryAlreadyClaimed extends BusinessRuleViolation {

    public DeliveryAlreadyClaimed() {
        super("delivery-already-claimed", Kind.CONFLICT, "another courier claimed this delivery first");
    }
}
