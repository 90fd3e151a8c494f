package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, ParticipantId merchantId, String reason)
        implements DeskCommand {}
