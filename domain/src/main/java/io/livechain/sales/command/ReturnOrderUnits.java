package io.livechain.sales.command;

import io.livechain.order.OrderId;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order's units go back to the offers (the order was cancelled or expired). Safe to repeat. */
public record ReturnOrderUnits(@TargetAggregateIdentifier LiveStreamId liveStreamId, OrderId orderId, String reason)
        implements DeskCommand {}
