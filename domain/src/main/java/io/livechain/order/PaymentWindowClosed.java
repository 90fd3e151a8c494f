package io.livechain.order;

import io.livechain.shared.BusinessRuleViolation;
import java.time.Instant;

/** A payment that comes after the order's payment window closed: the order is about to expire, its units go back. */
public final class PaymentWindowClosed extends BusinessRuleViolation {

    public PaymentWindowClosed(Instant paymentDueAt) {
        super("payment-window-closed", Kind.CONFLICT, "the payment window closed at " + paymentDueAt);
    }
}
