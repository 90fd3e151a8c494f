package io.livechain.stock.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StockReleased(
        InventoryId inventoryId,
        String sku,
        OrderId orderId,
        LiveStreamId liveStreamId,
        ParticipantId warehouseId,
        int quantity)
        implements InventoryEvent, ConcernsOrder {}
