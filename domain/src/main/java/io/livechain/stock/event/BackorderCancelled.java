package io.livechain.stock.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BackorderCancelled(
        InventoryId inventoryId, String sku, OrderId orderId, LiveStreamId liveStreamId, int quantity)
        implements InventoryEvent, ConcernsOrder {}
