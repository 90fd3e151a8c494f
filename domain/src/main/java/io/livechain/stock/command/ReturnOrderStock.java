package io.livechain.stock.command;

import io.livechain.order.OrderId;
import io.livechain.shared.DeskCommand;
import io.livechain.stock.InventoryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A parcel that could not be delivered is back at its warehouse: its units are in stock again. */
public record ReturnOrderStock(@TargetAggregateIdentifier InventoryId inventoryId, OrderId orderId)
        implements DeskCommand {}
