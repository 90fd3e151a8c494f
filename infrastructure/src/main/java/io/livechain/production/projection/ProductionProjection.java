package io.livechain.production.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.BATCH_ORDER;
import static io.livechain.infrastructure.jooq.read_model.Tables.DELIVERY;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_LINE;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_VIEW;
import static io.livechain.infrastructure.jooq.read_model.Tables.PRODUCTION_BATCH;
import static org.jooq.impl.DSL.row;

import io.livechain.infrastructure.jooq.read_model.tables.records.ProductionBatchRecord;
import io.livechain.infrastructure.projection.BatchWrites;
import io.livechain.infrastructure.projection.Views;
import io.livechain.order.ShippingAddress;
import io.livechain.production.BatchStatus;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.BatchShipped;
import io.livechain.production.event.ProductionAccepted;
import io.livechain.production.event.ProductionCompleted;
import io.livechain.production.event.ProductionEvent;
import io.livechain.production.event.ProductionRejected;
import io.livechain.production.event.ProductionRequestRevised;
import io.livechain.production.event.ProductionRequested;
import io.livechain.production.event.ProductionStarted;
import io.livechain.production.query.BatchOrders;
import io.livechain.production.query.BatchView;
import io.livechain.production.query.FindBatch;
import io.livechain.production.query.FindBatchOrders;
import io.livechain.production.query.ListProductionRequests;
import io.livechain.production.query.ProductionRequestView;
import io.livechain.stock.BatchUnits;
import io.livechain.stock.event.BackorderCancelled;
import io.livechain.stock.event.BackorderFilled;
import io.livechain.stock.event.BackorderPlaced;
import io.livechain.stock.event.InventoryEvent;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.event.StockReceived;
import io.livechain.stock.event.StockReleased;
import io.livechain.stock.event.StockReserved;
import io.livechain.stock.event.StockReturned;
import io.livechain.stock.event.StockShipped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Production batches for their factory and merchant, and each batch's genealogy (the orders it served). Every
 * batch event is applied once, guarded by the batch's sequence number.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class ProductionProjection {

    private final DSLContext db;

    public ProductionProjection(DSLContext db) {
        this.db = db;
    }

    /**
     * Every event of the batch's family, by a switch over the sealed type: a new event does not compile until this
     * view decides what it changes.
     */
    @EventHandler
    void on(ProductionEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        switch (event) {
            case ProductionRequested requested -> requested(requested, sequence, at);
            case ProductionRequestRevised revised -> revised(revised, sequence, at);
            case ProductionAccepted accepted -> accepted(accepted, sequence, at);
            case ProductionRejected rejected -> rejected(rejected, sequence, at);
            case ProductionStarted started -> started(started, sequence, at);
            case ProductionCompleted completed -> completed(completed, sequence, at);
            case BatchShipped shipped -> shipped(shipped, sequence, at);
            case BatchReceived received -> received(received, sequence, at);
        }
    }

    private void requested(ProductionRequested event, long sequence, Instant at) {
        db.insertInto(PRODUCTION_BATCH)
                .set(PRODUCTION_BATCH.ID, event.batchId().value())
                .set(PRODUCTION_BATCH.MERCHANT_ID, event.merchantId().value())
                .set(PRODUCTION_BATCH.FACTORY_ID, event.factoryId().value())
                .set(PRODUCTION_BATCH.SKU, event.sku())
                .set(PRODUCTION_BATCH.QUANTITY, event.quantity())
                .set(PRODUCTION_BATCH.NEEDED_BY, utc(event.neededBy()))
                .set(PRODUCTION_BATCH.STATUS, BatchStatus.REQUESTED.name())
                .set(PRODUCTION_BATCH.SHIPPED_QUANTITY, 0)
                .set(PRODUCTION_BATCH.RECEIVED_QUANTITY, 0)
                .set(PRODUCTION_BATCH.REQUESTED_AT, utc(at))
                .set(PRODUCTION_BATCH.UPDATED_AT, utc(at))
                .set(PRODUCTION_BATCH.LAST_SEQUENCE, sequence)
                .onConflictDoNothing()
                .execute();
    }

    private void revised(ProductionRequestRevised event, long sequence, Instant at) {
        update(event.batchId().value(), sequence, at)
                .set(PRODUCTION_BATCH.QUANTITY, event.quantity())
                .set(PRODUCTION_BATCH.NEEDED_BY, utc(event.neededBy()))
                .where(guard(event.batchId().value(), sequence))
                .execute();
    }

    private void accepted(ProductionAccepted event, long sequence, Instant at) {
        update(event.batchId().value(), sequence, at)
                .set(PRODUCTION_BATCH.STATUS, BatchStatus.ACCEPTED.name())
                .set(PRODUCTION_BATCH.COMMITTED_QUANTITY, event.committedQuantity())
                .set(PRODUCTION_BATCH.EXPECTED_COMPLETION_AT, utc(event.expectedCompletionAt()))
                .where(guard(event.batchId().value(), sequence))
                .execute();
    }

    private void rejected(ProductionRejected event, long sequence, Instant at) {
        update(event.batchId().value(), sequence, at)
                .set(PRODUCTION_BATCH.STATUS, BatchStatus.REJECTED.name())
                .set(PRODUCTION_BATCH.REASON, event.reason())
                .where(guard(event.batchId().value(), sequence))
                .execute();
    }

    private void started(ProductionStarted event, long sequence, Instant at) {
        update(event.batchId().value(), sequence, at)
                .set(PRODUCTION_BATCH.STATUS, BatchStatus.STARTED.name())
                .where(guard(event.batchId().value(), sequence))
                .execute();
    }

    private void completed(ProductionCompleted event, long sequence, Instant at) {
        update(event.batchId().value(), sequence, at)
                .set(PRODUCTION_BATCH.STATUS, BatchStatus.COMPLETED.name())
                .set(PRODUCTION_BATCH.PRODUCED_QUANTITY, event.producedQuantity())
                .set(PRODUCTION_BATCH.QC_PASSED_QUANTITY, event.qcPassedQuantity())
                .where(guard(event.batchId().value(), sequence))
                .execute();
    }

    private void shipped(BatchShipped event, long sequence, Instant at) {
        update(event.batchId().value(), sequence, at)
                .set(PRODUCTION_BATCH.STATUS, BatchStatus.SHIPPED.name())
                .set(PRODUCTION_BATCH.SHIPPED_QUANTITY, PRODUCTION_BATCH.SHIPPED_QUANTITY.plus(event.quantity()))
                .where(guard(event.batchId().value(), sequence))
                .execute();
    }

    private void received(BatchReceived event, long sequence, Instant at) {
        Field<Integer> received = PRODUCTION_BATCH.RECEIVED_QUANTITY.plus(event.quantity());
        update(event.batchId().value(), sequence, at)
                .set(PRODUCTION_BATCH.RECEIVED_QUANTITY, received)
                .set(
                        PRODUCTION_BATCH.STATUS,
                        DSL.when(
                                        received.ge(PRODUCTION_BATCH.QC_PASSED_QUANTITY)
                                                .and(PRODUCTION_BATCH.SHIPPED_QUANTITY.ge(
                                                        PRODUCTION_BATCH.QC_PASSED_QUANTITY)),
                                        DSL.inline(BatchStatus.RECEIVED.name()))
                                .otherwise(PRODUCTION_BATCH.STATUS))
                .where(guard(event.batchId().value(), sequence))
                .execute();
    }

    /**
     * Of the inventories' family, only a backorder filled from a batch belongs here: the genealogy, the waiting order
     * this batch's units went to.
     */
    @EventHandler
    void on(InventoryEvent event) {
        switch (event) {
            case StockReserved reserved ->
                took(reserved.orderId().value(), reserved.sku(), reserved.batches(), null, reserved.quantity());
            case BackorderFilled filled ->
                took(filled.orderId().value(), filled.sku(), filled.batches(), filled.batchId(), filled.quantity());
            case StockReleased released ->
                inBatch(pending -> pending.released.add(row(released.orderId().value(), released.sku())));
            case InventoryOpened _,
                    StockReceived _,
                    BackorderPlaced _,
                    BackorderCancelled _,
                    StockShipped _,
                    StockReturned _ -> {}
        }
    }

    /**
     * Genealogy: the batches an order's units were taken from (events before revision 2 named only the batch whose
     * receipt filled a backorder). Units given back before they left (a cancelled or expired order) were never the
     * order's.
     */
    private void took(UUID orderId, String sku, List<BatchUnits> batches, UUID fillingBatch, int quantity) {
        List<BatchUnits> units = batches != null
                ? batches
                : fillingBatch == null ? List.of() : List.of(new BatchUnits(fillingBatch, quantity));
        if (!units.isEmpty()) {
            inBatch(pending -> units.forEach(
                    share -> pending.taken.add(new Taken(share.batchId(), orderId, sku, share.quantity()))));
        }
    }

    /** Flash sales reserve thousands of units a second: their genealogy is written per batch of events. */
    private void inBatch(java.util.function.Consumer<Pending> write) {
        BatchWrites.with(ProductionProjection.class.getName(), Pending::new, Pending::flush, write);
    }

    /** Units of a batch that an order's line took. */
    private record Taken(UUID batchId, UUID orderId, String sku, int quantity) {}

    private final class Pending {

        private final List<Taken> taken = new ArrayList<>();
        private final List<Row2<UUID, String>> released = new ArrayList<>();

        /**
         * What was taken first, then what was given back (a release always follows its order's reservation), one
         * statement each: an expiry sweep releases thousands of lines, most of them of no batch.
         */
        void flush() {
            List<Query> writes = new ArrayList<>();
            if (!taken.isEmpty()) {
                var insert = db.insertInto(
                        BATCH_ORDER, BATCH_ORDER.BATCH_ID, BATCH_ORDER.ORDER_ID, BATCH_ORDER.SKU, BATCH_ORDER.QUANTITY);
                taken.forEach(row -> insert.values(row.batchId(), row.orderId(), row.sku(), row.quantity()));
                writes.add(insert.onConflictDoNothing());
            }
            if (!released.isEmpty()) {
                writes.add(db.deleteFrom(BATCH_ORDER)
                        .where(row(BATCH_ORDER.ORDER_ID, BATCH_ORDER.SKU).in(released)));
            }
            if (writes.size() == 1) {
                writes.getFirst().execute();
            } else if (!writes.isEmpty()) {
                db.batch(writes).execute();
            }
        }
    }

    /** A recall: every order that received units of the merchant's batch, with where those units are now. */
    @QueryHandler
    Optional<BatchOrders> handle(FindBatchOrders query) {
        return db.selectFrom(PRODUCTION_BATCH)
                .where(PRODUCTION_BATCH.ID.eq(query.batchId().value()))
                .and(PRODUCTION_BATCH.MERCHANT_ID.eq(query.merchantId().value()))
                .fetchOptional()
                .map(batch -> new BatchOrders(batch.getId(), batch.getSku(), recalled(batch)));
    }

    private List<BatchOrders.RecalledOrder> recalled(ProductionBatchRecord batch) {
        return db.select(
                        BATCH_ORDER.ORDER_ID,
                        BATCH_ORDER.QUANTITY,
                        ORDER_VIEW.STATUS,
                        ORDER_VIEW.BUYER_ID,
                        ORDER_VIEW.SHIP_ZONE,
                        ORDER_VIEW.SHIP_LINE1,
                        ORDER_VIEW.SHIP_CITY,
                        ORDER_VIEW.SHIP_RECIPIENT,
                        DELIVERY.ID,
                        DELIVERY.WAREHOUSE_ID,
                        DELIVERY.ZONE,
                        DELIVERY.STATUS,
                        DELIVERY.COURIER_ID,
                        DELIVERY.FAILED_ATTEMPTS,
                        DELIVERY.UPDATED_AT)
                .from(BATCH_ORDER)
                .join(ORDER_VIEW)
                .on(ORDER_VIEW.ID.eq(BATCH_ORDER.ORDER_ID))
                .leftJoin(ORDER_LINE)
                .on(ORDER_LINE.ORDER_ID.eq(BATCH_ORDER.ORDER_ID).and(ORDER_LINE.SKU.eq(BATCH_ORDER.SKU)))
                .leftJoin(DELIVERY)
                .on(DELIVERY.ID.eq(ORDER_LINE.DELIVERY_ID))
                .where(BATCH_ORDER.BATCH_ID.eq(batch.getId()))
                .and(ORDER_VIEW.MERCHANT_ID.eq(batch.getMerchantId()))
                .orderBy(ORDER_VIEW.CREATED_AT, ORDER_VIEW.ID)
                .fetch(row -> new BatchOrders.RecalledOrder(
                        row.get(BATCH_ORDER.ORDER_ID),
                        row.get(BATCH_ORDER.QUANTITY),
                        row.get(ORDER_VIEW.STATUS),
                        row.get(ORDER_VIEW.BUYER_ID),
                        row.get(ORDER_VIEW.SHIP_ZONE) == null
                                ? null
                                : new ShippingAddress(
                                        row.get(ORDER_VIEW.SHIP_ZONE),
                                        row.get(ORDER_VIEW.SHIP_LINE1),
                                        row.get(ORDER_VIEW.SHIP_CITY),
                                        row.get(ORDER_VIEW.SHIP_RECIPIENT)),
                        row.get(DELIVERY.ID) == null
                                ? null
                                : new BatchOrders.RecalledDelivery(
                                        row.get(DELIVERY.ID),
                                        row.get(DELIVERY.WAREHOUSE_ID),
                                        row.get(DELIVERY.ZONE),
                                        row.get(DELIVERY.STATUS),
                                        row.get(DELIVERY.COURIER_ID),
                                        row.get(DELIVERY.FAILED_ATTEMPTS),
                                        row.get(DELIVERY.UPDATED_AT).toInstant())));
    }

    @QueryHandler
    List<ProductionRequestView> handle(ListProductionRequests query) {
        Condition owner = query.factoryId() != null
                ? PRODUCTION_BATCH.FACTORY_ID.eq(query.factoryId().value())
                : PRODUCTION_BATCH.MERCHANT_ID.eq(query.merchantId().value());
        return db.selectFrom(PRODUCTION_BATCH)
                .where(owner)
                .and(query.status() == null ? DSL.noCondition() : PRODUCTION_BATCH.STATUS.eq(query.status()))
                .orderBy(PRODUCTION_BATCH.REQUESTED_AT.desc(), PRODUCTION_BATCH.ID)
                .limit(500)
                .fetch(ProductionProjection::toView);
    }

    @QueryHandler
    Optional<BatchView> handle(FindBatch query) {
        Condition owner = query.factoryId() != null
                ? PRODUCTION_BATCH.FACTORY_ID.eq(query.factoryId().value())
                : PRODUCTION_BATCH.MERCHANT_ID.eq(query.merchantId().value());
        return db.selectFrom(PRODUCTION_BATCH)
                .where(PRODUCTION_BATCH.ID.eq(query.batchId().value()))
                .and(owner)
                .fetchOptional(ProductionProjection::toView)
                .map(batch -> new BatchView(
                        batch,
                        db.selectFrom(BATCH_ORDER)
                                .where(BATCH_ORDER.BATCH_ID.eq(batch.id()))
                                .orderBy(BATCH_ORDER.ORDER_ID)
                                .fetch(row ->
                                        new BatchView.ServedOrder(row.getOrderId(), row.getSku(), row.getQuantity()))));
    }

    private org.jooq.UpdateSetMoreStep<ProductionBatchRecord> update(UUID batchId, long sequence, Instant at) {
        return db.update(PRODUCTION_BATCH)
                .set(PRODUCTION_BATCH.LAST_SEQUENCE, sequence)
                .set(PRODUCTION_BATCH.UPDATED_AT, utc(at));
    }

    private static Condition guard(UUID batchId, long sequence) {
        return PRODUCTION_BATCH.ID.eq(batchId).and(PRODUCTION_BATCH.LAST_SEQUENCE.lt(sequence));
    }

    private static ProductionRequestView toView(ProductionBatchRecord row) {
        return new ProductionRequestView(
                row.getId(),
                row.getMerchantId(),
                row.getFactoryId(),
                row.getSku(),
                row.getQuantity(),
                instant(row.getNeededBy()),
                row.getStatus(),
                row.getReason(),
                row.getCommittedQuantity(),
                instant(row.getExpectedCompletionAt()),
                row.getProducedQuantity(),
                row.getQcPassedQuantity(),
                row.getShippedQuantity(),
                row.getReceivedQuantity(),
                instant(row.getRequestedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
