package io.livechain.stock.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.BatchUnits;
import io.livechain.stock.InventoryId;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A waiting order got its units; {@code batchId} names the production batch whose receipt filled it, if any, and
 * {@code batches} which batches the units were taken from (oldest receipt first; units received without a batch are
 * not listed). Revision 1 did not say: read with it null.
 */
@Revision("2")
public record BackorderFilled(
        InventoryId inventoryId,
        String sku,
        OrderId orderId,
        LiveStreamId liveStreamId,
        ParticipantId warehouseId,
        int quantity,
        UUID batchId,
        List<BatchUnits> batches)
        implements InventoryEvent, ConcernsOrder {}
