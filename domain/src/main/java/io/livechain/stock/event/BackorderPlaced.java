package io.livechain.stock.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
import org.axonframework.serialization.Revision;

/** An order line joined the queue for stock; its place in the queue is the order of these events. */
@Revision("1")
public record BackorderPlaced(
        InventoryId inventoryId, String sku, OrderId orderId, LiveStreamId liveStreamId, int quantity, String buyerZone)
        implements InventoryEvent, ConcernsOrder {}
