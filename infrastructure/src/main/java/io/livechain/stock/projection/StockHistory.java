package io.livechain.stock.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.PRODUCTION_BATCH;

import io.livechain.infrastructure.projection.AggregateHistory;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.BatchShipped;
import io.livechain.production.event.ProductionEvent;
import io.livechain.stock.InventoryId;
import io.livechain.stock.event.InventoryEvent;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.query.FindStockAsOf;
import io.livechain.stock.query.StockCounts;
import io.livechain.stock.query.StockView;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A SKU's stock as of a moment, counted from the events rather than read from the read model: the merchant's
 * inventory of the SKU (one aggregate: {@link InventoryId#of}) up to that moment, with {@link StockCounts} as the
 * read model counts them, and what was inbound then from the SKU's production batches (shipped, not yet received).
 */
@Component
public class StockHistory {

    private final DSLContext db;
    private final AggregateHistory history;

    public StockHistory(DSLContext db, AggregateHistory history) {
        this.db = db;
        this.history = history;
    }

    /** Empty when the merchant's inventory of the SKU was not opened yet at that moment (no such product then). */
    @QueryHandler
    Optional<StockView> handle(FindStockAsOf query) {
        InventoryId inventoryId = InventoryId.of(query.merchantId(), query.sku());
        StockCounts counts = new StockCounts();
        boolean[] ours = {false};
        history.replay(inventoryId, query.asOf(), InventoryEvent.class, event -> {
            if (event instanceof InventoryOpened opened) {
                ours[0] = opened.merchantId().equals(query.merchantId())
                        && opened.sku().equals(query.sku());
            }
            counts.apply(event);
        });
        if (!ours[0]) {
            return Optional.empty();
        }
        return Optional.of(counts.toView(query.sku(), inbound(query)));
    }

    /**
     * Units shipped by factories and not yet received, over the SKU's batches requested by then (found in the
     * production read model; each batch's own events say what it had shipped and what had arrived).
     */
    private int inbound(FindStockAsOf query) {
        List<UUID> batches = db.select(PRODUCTION_BATCH.ID)
                .from(PRODUCTION_BATCH)
                .where(PRODUCTION_BATCH.MERCHANT_ID.eq(query.merchantId().value()))
                .and(PRODUCTION_BATCH.SKU.eq(query.sku()))
                .and(PRODUCTION_BATCH.REQUESTED_AT.le(query.asOf().atOffset(ZoneOffset.UTC)))
                .fetch(PRODUCTION_BATCH.ID);
        int[] inbound = {0};
        for (UUID batchId : batches) {
            history.replay(batchId, query.asOf(), ProductionEvent.class, event -> {
                switch (event) {
                    case BatchShipped shipped -> inbound[0] += shipped.quantity();
                    case BatchReceived received -> inbound[0] -= received.quantity();
                    default -> {
                        // requested, accepted, made: not on its way yet
                    }
                }
            });
        }
        return inbound[0];
    }
}
