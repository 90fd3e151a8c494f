package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PayOrder(
        @TargetAggregateIdentifier OrderId orderId, ParticipantId merchantId, BigDecimal amount, String reference) {}
