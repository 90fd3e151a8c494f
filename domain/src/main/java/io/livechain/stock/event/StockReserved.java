package io.livechain.stock.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.BatchUnits;
import io.livechain.stock.InventoryId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An order's units are held at a warehouse. {@code batches} says which production batches they came from (oldest
 * receipt first; units received without a batch are not listed). Revision 1 did not say: read with it null.
 */
@Revision("2")
public record StockReserved(
        InventoryId inventoryId,
        String sku,
        OrderId orderId,
        LiveStreamId liveStreamId,
        ParticipantId warehouseId,
        int quantity,
        List<BatchUnits> batches)
        implements InventoryEvent, ConcernsOrder {}
