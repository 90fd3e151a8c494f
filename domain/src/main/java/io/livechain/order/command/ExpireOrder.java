package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.shared.DeskCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The platform checks an order whose payment window closed at or before {@code at}. Safe to repeat. */
public record ExpireOrder(@TargetAggregateIdentifier OrderId orderId, Instant at) implements DeskCommand {}
