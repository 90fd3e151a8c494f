package io.livechain.production.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.production.BatchId;
import io.livechain.production.ProductionBatch;
import io.livechain.production.ReceiptExceedsShipment;
import io.livechain.production.UnknownBatch;
import io.livechain.production.command.ReceiveBatch;
import io.livechain.stock.desk.StockReceipt;
import java.util.Objects;

/**
 * A warehouse received units of a production batch: the stock receipt (the warehouse serves the merchant, the SKU is
 * stocked, waiting orders first), and the batch recorded as (partly) received, in the same commit. Production decides
 * it because production knows stock, never the other way round: the receipt knows no batch.
 */
public record BatchReceipt(StockReceipt receipt, BatchId batchId) implements UseCase<StockReceipt.Received> {

    public BatchReceipt {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(batchId, "batchId");
    }

    @Override
    public Decision<StockReceipt.Received> decide(DeskState state) {
        Decision<StockReceipt.Received> received = receipt.receive(state, batchId.value());
        ProductionBatch batch = state.batch(batchId)
                .filter(candidate -> candidate.isFor(receipt.merchantId(), receipt.sku()))
                .orElseThrow(UnknownBatch::new);
        int outstanding = batch.outstandingFor(receipt.warehouseId());
        if (receipt.quantity() > outstanding) {
            throw new ReceiptExceedsShipment(outstanding);
        }
        return Decision.accept(received.result(), changes -> {
            changes.batch(
                    batchId,
                    found -> found.handle(new ReceiveBatch(batchId, receipt.warehouseId(), receipt.quantity())));
            received.changes().applyTo(changes);
        });
    }
}
