package io.livechain.stock.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.INVENTORY;
import static io.livechain.infrastructure.jooq.read_model.Tables.PRODUCT;
import static io.livechain.infrastructure.jooq.read_model.Tables.STOCK_LEVEL;

import io.livechain.infrastructure.jooq.read_model.tables.records.InventoryRecord;
import io.livechain.infrastructure.jooq.read_model.tables.records.StockLevelRecord;
import io.livechain.participant.ParticipantId;
import io.livechain.stock.InventoryId;
import io.livechain.stock.event.BackorderCancelled;
import io.livechain.stock.event.BackorderFilled;
import io.livechain.stock.event.BackorderPlaced;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.event.StockReceived;
import io.livechain.stock.event.StockReleased;
import io.livechain.stock.event.StockReserved;
import io.livechain.stock.query.FindStock;
import io.livechain.stock.query.StockView;
import io.livechain.stock.query.StockView.WarehouseStock;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Units per merchant, SKU and warehouse (received, reserved, shipped), and the units orders wait for, and the
 * question of a SKU's stock. These are counters, so each Inventory event must be counted exactly once: an event is
 * applied only if its sequence number is past the inventory's {@code last_sequence}, which is moved to it in the
 * same statement, and in the same transaction as the processor's token. Redelivered and replayed events are
 * therefore skipped.
 */
@Component
@ProcessingGroup("stock")
public class StockProjection {

    private final DSLContext db;

    public StockProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(InventoryOpened event, @SequenceNumber long sequence) {
        db.insertInto(INVENTORY)
                .set(INVENTORY.INVENTORY_ID, event.inventoryId().value())
                .set(INVENTORY.MERCHANT_ID, event.merchantId().value())
                .set(INVENTORY.SKU, event.sku())
                .set(INVENTORY.BACKORDERED, 0)
                .set(INVENTORY.LAST_SEQUENCE, sequence)
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long sequence) {
        apply(event.inventoryId(), sequence, 0)
                .ifPresent(inventory -> addToWarehouse(inventory, event.warehouseId(), event.quantity(), 0));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence) {
        apply(event.inventoryId(), sequence, 0)
                .ifPresent(inventory -> addToWarehouse(inventory, event.warehouseId(), 0, event.quantity()));
    }

    @EventHandler
    void on(StockReleased event, @SequenceNumber long sequence) {
        apply(event.inventoryId(), sequence, 0)
                .ifPresent(inventory -> addToWarehouse(inventory, event.warehouseId(), 0, -event.quantity()));
    }

    @EventHandler
    void on(BackorderPlaced event, @SequenceNumber long sequence) {
        apply(event.inventoryId(), sequence, event.quantity());
    }

    @EventHandler
    void on(BackorderFilled event, @SequenceNumber long sequence) {
        apply(event.inventoryId(), sequence, -event.quantity())
                .ifPresent(inventory -> addToWarehouse(inventory, event.warehouseId(), 0, event.quantity()));
    }

    @EventHandler
    void on(BackorderCancelled event, @SequenceNumber long sequence) {
        apply(event.inventoryId(), sequence, -event.quantity());
    }

    /**
     * Moves the inventory to this event and changes its backordered units; empty when the event was applied
     * before (or the inventory is unknown), in which case nothing else may be counted either.
     */
    private Optional<InventoryRecord> apply(InventoryId inventoryId, long sequence, int backorderedChange) {
        return db.update(INVENTORY)
                .set(INVENTORY.LAST_SEQUENCE, sequence)
                .set(INVENTORY.BACKORDERED, INVENTORY.BACKORDERED.plus(backorderedChange))
                .where(INVENTORY.INVENTORY_ID.eq(inventoryId.value()))
                .and(INVENTORY.LAST_SEQUENCE.lt(sequence))
                .returning(INVENTORY.MERCHANT_ID, INVENTORY.SKU)
                .fetchOptional();
    }

    private void addToWarehouse(InventoryRecord inventory, ParticipantId warehouseId, int received, int reserved) {
        db.insertInto(STOCK_LEVEL)
                .set(STOCK_LEVEL.MERCHANT_ID, inventory.getMerchantId())
                .set(STOCK_LEVEL.SKU, inventory.getSku())
                .set(STOCK_LEVEL.WAREHOUSE_ID, warehouseId.value())
                .set(STOCK_LEVEL.RECEIVED, received)
                .set(STOCK_LEVEL.RESERVED, reserved)
                .set(STOCK_LEVEL.SHIPPED, 0)
                .onConflict(STOCK_LEVEL.MERCHANT_ID, STOCK_LEVEL.SKU, STOCK_LEVEL.WAREHOUSE_ID)
                .doUpdate()
                .set(STOCK_LEVEL.RECEIVED, STOCK_LEVEL.RECEIVED.plus(received))
                .set(STOCK_LEVEL.RESERVED, STOCK_LEVEL.RESERVED.plus(reserved))
                .execute();
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
        // inbound: nothing is produced yet, so nothing is on its way from factories
        return Optional.of(new StockView(query.sku(), warehouses, 0, backordered));
    }

    private static WarehouseStock toView(StockLevelRecord row) {
        int onHand = row.getReceived() - row.getShipped();
        return new WarehouseStock(row.getWarehouseId(), onHand, row.getReserved(), onHand - row.getReserved());
    }
}
