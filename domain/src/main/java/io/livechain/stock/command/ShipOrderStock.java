package io.livechain.stock.command;

import io.livechain.order.OrderId;
import io.livechain.shared.DeskCommand;
import io.livechain.stock.InventoryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order was packed: its reserved units leave the warehouse. */
public record ShipOrderStock(@TargetAggregateIdentifier InventoryId inventoryId, OrderId orderId)
        implements DeskCommand {}
