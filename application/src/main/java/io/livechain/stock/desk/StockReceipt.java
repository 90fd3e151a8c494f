package io.livechain.stock.desk;

import io.livechain.catalog.Sku;
import io.livechain.catalog.UnknownSku;
import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.participant.Participant;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.UnknownMerchant;
import io.livechain.production.BatchId;
import io.livechain.production.ProductionBatch;
import io.livechain.production.ReceiptExceedsShipment;
import io.livechain.production.UnknownBatch;
import io.livechain.production.command.ReceiveBatch;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.ReceiveStock;
import java.util.UUID;

/**
 * A warehouse received units; orders waiting for this SKU are served first, in the order they were placed. A
 * receipt that names a production batch also records the batch as (partly) received, in the same commit. A warehouse
 * receives only the stock of merchants the operator linked it to: any other merchant answers as unknown, whether it
 * exists or not, and before anything about its catalogue is told.
 */
public record StockReceipt(ParticipantId warehouseId, ParticipantId merchantId, String sku, int quantity, UUID batchId)
        implements UseCase<StockReceipt.Received> {

    /** An invalid receipt is refused before the desk sees it. */
    public StockReceipt {
        InvalidField.require(Sku.isValid(sku), "sku", Sku.RULE);
        InvalidField.require(
                quantity >= 1 && quantity <= Limits.MAX_UNITS, "quantity", "between 1 and " + Limits.MAX_UNITS);
    }

    @Override
    public Decision<Received> decide(DeskState state) {
        Participant warehouse = state.participant(warehouseId)
                .filter(found -> found.serves(merchantId))
                .orElseThrow(UnknownMerchant::new);
        String zone = warehouse.zone();
        InventoryId inventoryId = InventoryId.of(merchantId, sku);
        state.inventory(inventoryId)
                .orElseThrow(() -> new UnknownSku(sku, "in that merchant's catalogue"))
                .checkReceipt(warehouseId, quantity);
        BatchId batch = batchId == null ? null : new BatchId(batchId);
        if (batch != null) {
            ProductionBatch found = state.batch(batch)
                    .filter(candidate -> candidate.isFor(merchantId, sku))
                    .orElseThrow(UnknownBatch::new);
            int outstanding = found.outstandingFor(warehouseId);
            if (quantity > outstanding) {
                throw new ReceiptExceedsShipment(outstanding);
            }
        }
        return Decision.accept(new Received(UUID.randomUUID(), sku, quantity), changes -> {
            if (batch != null) {
                changes.batch(batch, b -> b.handle(new ReceiveBatch(batch, warehouseId, quantity)));
            }
            changes.inventory(
                    inventoryId,
                    inventory -> inventory.handle(new ReceiveStock(inventoryId, warehouseId, zone, quantity, batchId)));
        });
    }

    public record Received(UUID receiptId, String sku, int quantity) {}
}
