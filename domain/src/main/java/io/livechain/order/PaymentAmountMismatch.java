package io.livechain.order;

import io.livechain.shared.BusinessRuleViolation;
import java.math.BigDecimal;

public final class PaymentAmountMismatch extends BusinessRuleViolation {

    public PaymentAmountMismatch(BigDecimal due) {
        super("payment-amount-mismatch", Kind.UNPROCESSABLE, "the payment must be exactly the order total " + due);
    }
}
