package io.livechain.delivery.policy;

import io.livechain.delivery.event.DeliveryCompleted;
import io.livechain.delivery.event.DeliveryGivenUp;
import io.livechain.delivery.event.DeliveryPickedUp;
import io.livechain.order.OrderStatus;
import io.livechain.order.command.RecordDeliveryProgress;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** The order's status follows its deliveries (one per shipment): out for delivery, delivered, or returned. */
@ProcessingGroup(OrderFollowsDeliveryPolicy.PROCESSING_GROUP)
public class OrderFollowsDeliveryPolicy {

    public static final String PROCESSING_GROUP = "order-follows-delivery";

    private final CommandGateway commands;

    public OrderFollowsDeliveryPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(DeliveryPickedUp event) {
        commands.sendAndWait(
                new RecordDeliveryProgress(event.orderId(), event.deliveryId().value(), OrderStatus.OUT_FOR_DELIVERY));
    }

    @EventHandler
    void on(DeliveryCompleted event) {
        commands.sendAndWait(
                new RecordDeliveryProgress(event.orderId(), event.deliveryId().value(), OrderStatus.DELIVERED));
    }

    @EventHandler
    void on(DeliveryGivenUp event) {
        commands.sendAndWait(
                new RecordDeliveryProgress(event.orderId(), event.deliveryId().value(), OrderStatus.RETURNED));
    }
}
