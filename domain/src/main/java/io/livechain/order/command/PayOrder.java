package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer paid, at {@code at}: accepted only within the order's payment window. */
public record PayOrder(
        @TargetAggregateIdentifier OrderId orderId,
        ParticipantId merchantId,
        BigDecimal amount,
        String reference,
        Instant at) {

    public PayOrder {
        InvalidField.require(amount != null && amount.signum() > 0, "amount", "must be more than 0");
        InvalidField.requireText(reference, Limits.MAX_NAME_LENGTH, "reference");
    }
}
