package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.order.OrderStatus;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One of the order's shipments (its delivery {@code deliveryId}) reached OUT_FOR_DELIVERY, DELIVERED or RETURNED.
 * Safe to repeat.
 */
public record RecordDeliveryProgress(
        @TargetAggregateIdentifier OrderId orderId, UUID deliveryId, OrderStatus status) {}
