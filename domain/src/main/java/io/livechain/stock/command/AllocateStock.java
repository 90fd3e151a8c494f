package io.livechain.stock.command;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reserve an admitted order line's units, or queue it when the offer allows waiting for stock. A {@code
 * preferredWarehouseId} (or null) that has the units serves them, so that an order can ship from one warehouse
 * (ADR 0009).
 */
public record AllocateStock(
        @TargetAggregateIdentifier InventoryId inventoryId,
        OrderId orderId,
        LiveStreamId liveStreamId,
        int quantity,
        String buyerZone,
        boolean allowBackorder,
        ParticipantId preferredWarehouseId)
        implements DeskCommand {

    public AllocateStock(
            InventoryId inventoryId,
            OrderId orderId,
            LiveStreamId liveStreamId,
            int quantity,
            String buyerZone,
            boolean allowBackorder) {
        this(inventoryId, orderId, liveStreamId, quantity, buyerZone, allowBackorder, null);
    }
}
