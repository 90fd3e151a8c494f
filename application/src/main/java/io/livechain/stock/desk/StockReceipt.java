package io.livechain.stock.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.participant.Participant;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.UnknownMerchant;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import io.livechain.shared.Sku;
import io.livechain.shared.UnknownSku;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.ReceiveStock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A warehouse received units; orders waiting for this SKU are served first, in the order they were placed. A
 * warehouse receives only the stock of merchants the operator linked it to: any other merchant answers as unknown,
 * whether it exists or not, and before anything about its catalogue is told. Units that came from a production batch
 * are received through {@code production.desk.BatchReceipt}, which also records the batch as (partly) received.
 */
public record StockReceipt(ParticipantId warehouseId, ParticipantId merchantId, String sku, int quantity)
        implements UseCase<StockReceipt.Received> {

    /** An invalid receipt is refused before the desk sees it. */
    public StockReceipt {
        InvalidField.require(Sku.isValid(sku), "sku", Sku.RULE);
        InvalidField.require(
                quantity >= 1 && quantity <= Limits.MAX_UNITS, "quantity", "between 1 and " + Limits.MAX_UNITS);
    }

    @Override
    public Decision<Received> decide(DeskState state) {
        return receive(state, null);
    }

    /**
     * The receipt, its stock event naming the production batch the units came from ({@code null}: none). Naming a
     * batch is for the batch's own receipt, which checks and records the batch as well.
     */
    public Decision<Received> receive(DeskState state, @Nullable UUID batchId) {
        Participant warehouse = state.participant(warehouseId)
                .filter(found -> found.serves(merchantId))
                .orElseThrow(UnknownMerchant::new);
        String zone = warehouse.zone();
        InventoryId inventoryId = InventoryId.of(merchantId, sku);
        state.inventory(inventoryId)
                .orElseThrow(() -> new UnknownSku(sku, "in that merchant's catalogue"))
                .checkReceipt(warehouseId, quantity);
        return Decision.accept(
                new Received(UUID.randomUUID(), sku, quantity),
                changes -> changes.inventory(
                        inventoryId,
                        inventory ->
                                inventory.handle(new ReceiveStock(inventoryId, warehouseId, zone, quantity, batchId))));
    }

    public record Received(UUID receiptId, String sku, int quantity) {}
}
