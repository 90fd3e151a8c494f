package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The buyer paid, at {@code at}: accepted only within the order's payment window. */
public record PayOrder(
        @TargetAggregateIdentifier OrderId orderId,
        ParticipantId merchantId,
        BigDecimal amount,
        String reference,
        Instant at) {}
