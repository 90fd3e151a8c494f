package io.livechain.stock.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.INVENTORY;
import static io.livechain.infrastructure.jooq.read_model.Tables.PRODUCT;
import static io.livechain.infrastructure.jooq.read_model.Tables.PRODUCTION_BATCH;
import static io.livechain.infrastructure.jooq.read_model.Tables.STOCK_LEVEL;

import io.livechain.infrastructure.jooq.read_model.tables.records.InventoryRecord;
import io.livechain.infrastructure.jooq.read_model.tables.records.StockLevelRecord;
import io.livechain.infrastructure.projection.BatchWrites;
import io.livechain.infrastructure.projection.Views;
import io.livechain.stock.event.InventoryEvent;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.query.FindStock;
import io.livechain.stock.query.StockCounts;
import io.livechain.stock.query.StockView;
import io.livechain.stock.query.StockView.WarehouseStock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Units per merchant, SKU and warehouse (received, reserved, shipped), and the units orders wait for, and the
 * question of a SKU's stock. These are counters, so each Inventory event must be counted exactly once: an event is
 * applied only if its sequence number is past the inventory's {@code last_sequence}, which is moved to it in the
 * same statement, and in the same transaction as the processor's token. Redelivered and replayed events are
 * therefore skipped.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class StockProjection {

    private final DSLContext db;

    public StockProjection(DSLContext db) {
        this.db = db;
    }

    /**
     * Every inventory event: the first opens the inventory's row, every other is counted once (see
     * {@link StockCounts}, which the stock as of a moment counts with too).
     */
    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequence) {
        if (event instanceof InventoryOpened opened) {
            db.insertInto(INVENTORY)
                    .set(INVENTORY.INVENTORY_ID, opened.inventoryId().value())
                    .set(INVENTORY.MERCHANT_ID, opened.merchantId().value())
                    .set(INVENTORY.SKU, opened.sku())
                    .set(INVENTORY.BACKORDERED, 0)
                    .set(INVENTORY.LAST_SEQUENCE, sequence)
                    .onConflictDoNothing()
                    .execute();
        } else {
            change(event, sequence);
        }
    }

    /**
     * Counts an inventory event once: only events past the inventory's last applied sequence number change it. The
     * changes of a whole batch are summed per inventory and written in a few statements when the batch commits (a
     * hot SKU's inventory gets thousands of events a second).
     */
    private void change(InventoryEvent event, long sequence) {
        BatchWrites.with(StockProjection.class.getName(), HashMap<UUID, Delta>::new, this::flush, deltas -> {
            Delta delta = deltas.computeIfAbsent(event.inventoryId().value(), this::load);
            if (delta.known && sequence > delta.lastSequence) {
                delta.lastSequence = sequence;
                delta.counts.apply(event);
            }
        });
    }

    private Delta load(UUID inventoryId) {
        return db.selectFrom(INVENTORY)
                .where(INVENTORY.INVENTORY_ID.eq(inventoryId))
                .fetchOptional()
                .map(row -> new Delta(row.getInventoryId(), row.getMerchantId(), row.getSku(), row.getLastSequence()))
                .orElseGet(() -> new Delta(inventoryId, null, null, Long.MAX_VALUE));
    }

    private void flush(Map<UUID, Delta> deltas) {
        List<Query> writes = new ArrayList<>();
        for (Delta delta : deltas.values()) {
            if (!delta.known) {
                continue;
            }
            writes.add(db.update(INVENTORY)
                    .set(INVENTORY.LAST_SEQUENCE, delta.lastSequence)
                    .set(INVENTORY.BACKORDERED, INVENTORY.BACKORDERED.plus(delta.counts.backordered()))
                    .where(INVENTORY.INVENTORY_ID.eq(delta.inventoryId)));
            delta.counts
                    .warehouses()
                    .forEach((warehouseId, change) -> writes.add(db.insertInto(STOCK_LEVEL)
                            .set(STOCK_LEVEL.MERCHANT_ID, delta.merchantId)
                            .set(STOCK_LEVEL.SKU, delta.sku)
                            .set(STOCK_LEVEL.WAREHOUSE_ID, warehouseId)
                            .set(STOCK_LEVEL.RECEIVED, change.received())
                            .set(STOCK_LEVEL.RESERVED, change.reserved())
                            .set(STOCK_LEVEL.SHIPPED, change.shipped())
                            .onConflict(STOCK_LEVEL.MERCHANT_ID, STOCK_LEVEL.SKU, STOCK_LEVEL.WAREHOUSE_ID)
                            .doUpdate()
                            .set(STOCK_LEVEL.RECEIVED, STOCK_LEVEL.RECEIVED.plus(change.received()))
                            .set(STOCK_LEVEL.RESERVED, STOCK_LEVEL.RESERVED.plus(change.reserved()))
                            .set(STOCK_LEVEL.SHIPPED, STOCK_LEVEL.SHIPPED.plus(change.shipped()))));
        }
        if (!writes.isEmpty()) {
            db.batch(writes).execute();
        }
    }

    /** What a batch changes in one inventory: its events counted from zero. */
    private static final class Delta {
        private final UUID inventoryId;
        private final UUID merchantId;
        private final String sku;
        private final boolean known;
        private long lastSequence;
        private final StockCounts counts = new StockCounts();

        Delta(UUID inventoryId, UUID merchantId, String sku, long lastSequence) {
            this.inventoryId = inventoryId;
            this.merchantId = merchantId;
            this.sku = sku;
            this.known = merchantId != null;
            this.lastSequence = lastSequence;
        }
    }

    /** Empty when the SKU is neither in the merchant's catalogue nor stocked for the merchant. */
    @QueryHandler
    Optional<StockView> handle(FindStock query) {
        var merchantId = query.merchantId().value();
        Optional<InventoryRecord> inventory = db.selectFrom(INVENTORY)
                .where(INVENTORY.MERCHANT_ID.eq(merchantId))
                .and(INVENTORY.SKU.eq(query.sku()))
                .fetchOptional();
        if (inventory.isEmpty()
                && !db.fetchExists(PRODUCT, PRODUCT.MERCHANT_ID.eq(merchantId).and(PRODUCT.SKU.eq(query.sku())))) {
            return Optional.empty();
        }
        List<WarehouseStock> warehouses = db.selectFrom(STOCK_LEVEL)
                .where(STOCK_LEVEL.MERCHANT_ID.eq(merchantId))
                .and(STOCK_LEVEL.SKU.eq(query.sku()))
                .orderBy(STOCK_LEVEL.WAREHOUSE_ID)
                .fetch(StockProjection::toView);
        int backordered = inventory.map(InventoryRecord::getBackordered).orElse(0);
        // inbound: shipped by factories, not yet received
        Integer inbound = db.select(DSL.coalesce(
                        DSL.sum(PRODUCTION_BATCH.SHIPPED_QUANTITY.minus(PRODUCTION_BATCH.RECEIVED_QUANTITY)),
                        DSL.inline(0)))
                .from(PRODUCTION_BATCH)
                .where(PRODUCTION_BATCH.MERCHANT_ID.eq(merchantId))
                .and(PRODUCTION_BATCH.SKU.eq(query.sku()))
                .fetchSingleInto(Integer.class);
        return Optional.of(new StockView(query.sku(), warehouses, inbound, backordered));
    }

    private static WarehouseStock toView(StockLevelRecord row) {
        return WarehouseStock.of(row.getWarehouseId(), row.getReceived(), row.getReserved(), row.getShipped());
    }
}
