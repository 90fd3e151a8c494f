package io.livechain.stock.event;

import io.livechain.participant.ParticipantId;
import io.livechain.stock.InventoryId;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StockReceived(
        InventoryId inventoryId,
        String sku,
        ParticipantId warehouseId,
        String warehouseZone,
        int quantity,
        UUID batchId)
        implements InventoryEvent {}
