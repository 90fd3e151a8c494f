package io.livechain.delivery;

import io.livechain.shared.BusinessRuleViolation;

/** The code given as proof of delivery is not the one the buyer was given: the delivery stays as it was. */
public final class DeliveryCodeMismatch extends BusinessRuleViolation {

    public static final String FIELD = "proof.code";

    public DeliveryCodeMismatch() {
        super(
                "delivery-code-mismatch",
                Kind.UNPROCESSABLE,
                FIELD,
                "proof.code is not the buyer's delivery code; the delivery is unchanged");
    }
}
