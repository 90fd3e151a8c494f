package io.livechain.stock.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A waiting order got its units; {@code batchId} names the production batch they came from, if any. */
@Revision("1")
public record BackorderFilled(
        InventoryId inventoryId,
        String sku,
        OrderId orderId,
        LiveStreamId liveStreamId,
        ParticipantId warehouseId,
        int quantity,
        UUID batchId)
        implements InventoryEvent, ConcernsOrder {}
