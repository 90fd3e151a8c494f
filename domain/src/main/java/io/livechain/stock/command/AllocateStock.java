package io.livechain.stock.command;

import io.livechain.order.OrderId;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reserve an admitted order line's units, or queue it when the offer allows waiting for stock. */
public record AllocateStock(
        @TargetAggregateIdentifier InventoryId inventoryId,
        OrderId orderId,
        LiveStreamId liveStreamId,
        int quantity,
        String buyerZone,
        boolean allowBackorder)
        implements DeskCommand {}
