package io.livechain.sales.command;

import io.livechain.order.OrderId;
import io.livechain.sales.LiveStreamId;
import io.livechain.shared.DeskCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order's units go back to the offers (the order was cancelled or expired). Safe to repeat. */
public record ReturnOrderUnits(@TargetAggregateIdentifier LiveStreamId liveStreamId, OrderId orderId, String reason)
        implements DeskCommand {}
