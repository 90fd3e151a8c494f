package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.order.OrderStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's status follows its delivery: OUT_FOR_DELIVERY, DELIVERED or RETURNED. Safe to repeat. */
public record RecordDeliveryProgress(
        @TargetAggregateIdentifier OrderId orderId, OrderStatus status) {}
