package io.livechain.stock.command;

import io.livechain.order.OrderId;
import io.livechain.shared.DeskCommand;
import io.livechain.stock.InventoryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseOrderStock(@TargetAggregateIdentifier InventoryId inventoryId, OrderId orderId)
        implements DeskCommand {}
