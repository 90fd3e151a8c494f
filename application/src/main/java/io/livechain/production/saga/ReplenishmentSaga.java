package io.livechain.production.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.livechain.catalog.event.ProductDefined;
import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.production.command.RequestProduction;
import io.livechain.production.command.ReviseProductionRequest;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.ProductionAccepted;
import io.livechain.production.event.ProductionRejected;
import io.livechain.shared.Ids;
import io.livechain.stock.InventoryId;
import io.livechain.stock.event.BackorderCancelled;
import io.livechain.stock.event.BackorderFilled;
import io.livechain.stock.event.BackorderPlaced;
import io.livechain.stock.event.StockReceived;
import io.livechain.stock.event.StockReleased;
import io.livechain.stock.event.StockReserved;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Keeps one SKU stocked. It follows the SKU's stock position — on hand + on order − reserved − backordered — and
 * when that falls below the reorder point (forecast demand over the lead time plus safety stock), or as soon as
 * orders wait for stock, asks the product's factory for enough batches to cover the gap. One request is open at a
 * time: until the factory accepts it, its size follows the demand; a rejection leads to a new request.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ReplenishmentSaga {

    static final String INVENTORY = "inventoryId";
    static final String BATCH = "batchId";

    private ParticipantId merchantId;
    private String sku;
    private ParticipantId factoryId;
    private int batchSize;
    private int leadTimeHours;
    private int onHand;
    private int reserved;
    private int backordered;
    /** Units accepted by factories and not yet received, per batch. */
    private Map<String, Integer> onOrder = new HashMap<>();
    /** The request the factory has not answered yet, if any. */
    private String openBatchId;

    private int openQuantity;
    private int requestsRaised;

    @Inject
    private transient CommandGateway commands;

    @Inject
    private transient DemandOutlook outlook;

    @StartSaga
    @SagaEventHandler(associationProperty = "productId")
    void on(ProductDefined event) {
        merchantId = event.merchantId();
        sku = event.sku();
        factoryId = event.factoryId();
        batchSize = event.batchSize();
        leadTimeHours = event.leadTimeHours();
        SagaLifecycle.associateWith(
                INVENTORY, InventoryId.of(event.merchantId(), event.sku()).toString());
    }

    @SagaEventHandler(associationProperty = INVENTORY)
    void on(StockReceived event, @Timestamp Instant at) {
        onHand += event.quantity();
        replenish(at);
    }

    @SagaEventHandler(associationProperty = INVENTORY)
    void on(StockReserved event, @Timestamp Instant at) {
        reserved += event.quantity();
        replenish(at);
    }

    @SagaEventHandler(associationProperty = INVENTORY)
    void on(StockReleased event, @Timestamp Instant at) {
        reserved -= event.quantity();
        replenish(at);
    }

    @SagaEventHandler(associationProperty = INVENTORY)
    void on(BackorderPlaced event, @Timestamp Instant at) {
        backordered += event.quantity();
        replenish(at);
    }

    @SagaEventHandler(associationProperty = INVENTORY)
    void on(BackorderFilled event, @Timestamp Instant at) {
        backordered -= event.quantity();
        reserved += event.quantity();
        replenish(at);
    }

    @SagaEventHandler(associationProperty = INVENTORY)
    void on(BackorderCancelled event, @Timestamp Instant at) {
        backordered -= event.quantity();
        replenish(at);
    }

    @SagaEventHandler(associationProperty = BATCH)
    void on(ProductionAccepted event, @Timestamp Instant at) {
        onOrder.put(event.batchId().toString(), event.committedQuantity());
        if (event.batchId().toString().equals(openBatchId)) {
            openBatchId = null;
            openQuantity = 0;
        }
        replenish(at);
    }

    @SagaEventHandler(associationProperty = BATCH)
    void on(ProductionRejected event, @Timestamp Instant at) {
        SagaLifecycle.removeAssociationWith(BATCH, event.batchId().toString());
        if (event.batchId().toString().equals(openBatchId)) {
            openBatchId = null;
            openQuantity = 0;
        }
        replenish(at);
    }

    @SagaEventHandler(associationProperty = BATCH)
    void on(BatchReceived event) {
        // the units now count as on hand (StockReceived); they are no longer on order
        onOrder.computeIfPresent(event.batchId().toString(), (batch, units) -> {
            int left = units - event.quantity();
            return left > 0 ? left : null;
        });
    }

    /** The n-th request for an inventory always has the same id: a redelivered event cannot request twice. */
    static BatchId batchId(InventoryId inventoryId, int n) {
        return new BatchId(Ids.derived("replenishment", inventoryId, n));
    }

    private void replenish(Instant now) {
        int position =
                onHand + onOrder.values().stream().mapToInt(Integer::intValue).sum() - reserved - backordered;
        int reorderPoint = outlook.reorderPoint(merchantId, sku, Duration.ofHours(leadTimeHours));
        if (backordered <= 0 && position >= reorderPoint) {
            return;
        }
        int gap = reorderPoint - position;
        if (gap <= 0) {
            return;
        }
        int quantity = Math.ceilDiv(gap, batchSize) * batchSize;
        Instant neededBy = now.plus(Duration.ofHours(leadTimeHours));
        if (openBatchId == null) {
            BatchId batchId = batchId(InventoryId.of(merchantId, sku), ++requestsRaised);
            openBatchId = batchId.toString();
            openQuantity = quantity;
            SagaLifecycle.associateWith(BATCH, openBatchId);
            commands.send(new RequestProduction(batchId, merchantId, factoryId, sku, quantity, neededBy));
        } else if (quantity != openQuantity) {
            openQuantity = quantity;
            commands.send(new ReviseProductionRequest(new BatchId(UUID.fromString(openBatchId)), quantity, neededBy));
        }
    }
}
