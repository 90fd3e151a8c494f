package io.livechain.production;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.participant.ParticipantId;
import io.livechain.production.command.AcceptProduction;
import io.livechain.production.command.CompleteProduction;
import io.livechain.production.command.ReceiveBatch;
import io.livechain.production.command.RejectProduction;
import io.livechain.production.command.RequestProduction;
import io.livechain.production.command.ReviseProductionRequest;
import io.livechain.production.command.ShipBatch;
import io.livechain.production.command.StartProduction;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.BatchShipped;
import io.livechain.production.event.ProductionAccepted;
import io.livechain.production.event.ProductionCompleted;
import io.livechain.production.event.ProductionEvent;
import io.livechain.production.event.ProductionRejected;
import io.livechain.production.event.ProductionRequestRevised;
import io.livechain.production.event.ProductionRequested;
import io.livechain.production.event.ProductionStarted;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A production batch a factory makes for a merchant's SKU: requested by replenishment, then accepted (with a
 * committed quantity) or rejected, started, completed (with how many passed quality control), shipped to
 * warehouses, and received there, possibly in parts. A factory sees and acts only on its own batches. The commands
 * refuse quantities and dates out of range themselves; the batch checks what depends on its state (its status, what
 * is left to ship, what is on its way to a warehouse).
 */
public class ProductionBatch {

    @AggregateIdentifier
    private String id;

    private BatchId batchId;
    private ParticipantId merchantId;
    private ParticipantId factoryId;
    private String sku;
    private BatchStatus status;
    private int requestedQuantity;
    private int qcPassedQuantity;
    private int shippedQuantity;
    private int receivedQuantity;
    private final Map<ParticipantId, Integer> inTransit = new HashMap<>();

    protected ProductionBatch() {}

    /** The command's own constructor refuses a request for no units. */
    @CommandHandler
    public ProductionBatch(RequestProduction command) {
        apply(new ProductionRequested(
                command.batchId(),
                command.merchantId(),
                command.factoryId(),
                command.sku(),
                command.quantity(),
                command.neededBy()));
    }

    /** A revision that arrives after the factory answered is moot: it changes nothing (safe for the saga to send). */
    @CommandHandler
    public void handle(ReviseProductionRequest command) {
        if (status != BatchStatus.REQUESTED) {
            return;
        }
        if (command.quantity() != requestedQuantity) {
            apply(new ProductionRequestRevised(batchId, command.quantity(), command.neededBy()));
        }
    }

    @CommandHandler
    public void handle(AcceptProduction command) {
        requireFactory(command.factoryId());
        if (status == BatchStatus.ACCEPTED) {
            return;
        }
        requireStatus(BatchStatus.REQUESTED, "accepted");
        apply(new ProductionAccepted(
                batchId, merchantId, sku, command.committedQuantity(), command.expectedCompletionAt()));
    }

    @CommandHandler
    public void handle(RejectProduction command) {
        requireFactory(command.factoryId());
        if (status == BatchStatus.REJECTED) {
            return;
        }
        requireStatus(BatchStatus.REQUESTED, "rejected");
        apply(new ProductionRejected(batchId, merchantId, sku, command.reason()));
    }

    @CommandHandler
    public void handle(StartProduction command) {
        requireFactory(command.factoryId());
        if (status == BatchStatus.STARTED) {
            return;
        }
        requireStatus(BatchStatus.ACCEPTED, "started");
        apply(new ProductionStarted(batchId));
    }

    @CommandHandler
    public void handle(CompleteProduction command) {
        requireFactory(command.factoryId());
        requireStatus(BatchStatus.STARTED, "completed");
        apply(new ProductionCompleted(batchId, command.producedQuantity(), command.qcPassedQuantity()));
    }

    @CommandHandler
    public void handle(ShipBatch command) {
        requireFactory(command.factoryId());
        if (status != BatchStatus.COMPLETED && status != BatchStatus.SHIPPED) {
            throw new BatchTransitionNotAllowed(status, "shipped");
        }
        if (command.quantity() > qcPassedQuantity - shippedQuantity) {
            throw new InvalidBatch(
                    "quantity", "between 1 and the " + (qcPassedQuantity - shippedQuantity) + " units left to ship");
        }
        apply(new BatchShipped(batchId, merchantId, sku, command.warehouseId(), command.quantity()));
    }

    /** How many units shipped to this warehouse it has not received yet. */
    public int outstandingFor(ParticipantId warehouseId) {
        return inTransit.getOrDefault(warehouseId, 0);
    }

    /** A warehouse received (part of) what was shipped to it. */
    @CommandHandler
    public void handle(ReceiveBatch command) {
        int outstanding = inTransit.getOrDefault(command.warehouseId(), 0);
        if (command.quantity() > outstanding) {
            throw new ReceiptExceedsShipment(outstanding);
        }
        apply(new BatchReceived(batchId, merchantId, sku, command.warehouseId(), command.quantity()));
    }

    /** Where received units of this batch may go: its merchant's SKU. */
    public boolean isFor(ParticipantId merchant, String productSku) {
        return merchantId.equals(merchant) && sku.equals(productSku);
    }

    private void requireFactory(ParticipantId factory) {
        if (!factoryId.equals(factory)) {
            throw new BatchNotFound();
        }
    }

    private void requireStatus(BatchStatus expected, String action) {
        if (status != expected) {
            throw new BatchTransitionNotAllowed(status, action);
        }
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(ProductionEvent event) {
        switch (event) {
            case ProductionRequested productionRequested -> on(productionRequested);
            case ProductionRequestRevised productionRequestRevised -> on(productionRequestRevised);
            case ProductionAccepted productionAccepted -> on(productionAccepted);
            case ProductionRejected productionRejected -> on(productionRejected);
            case ProductionStarted productionStarted -> on(productionStarted);
            case ProductionCompleted productionCompleted -> on(productionCompleted);
            case BatchShipped batchShipped -> on(batchShipped);
            case BatchReceived batchReceived -> on(batchReceived);
        }
    }

    void on(ProductionRequested event) {
        id = event.batchId().toString();
        batchId = event.batchId();
        merchantId = event.merchantId();
        factoryId = event.factoryId();
        sku = event.sku();
        requestedQuantity = event.quantity();
        status = BatchStatus.REQUESTED;
    }

    void on(ProductionRequestRevised event) {
        requestedQuantity = event.quantity();
    }

    void on(ProductionAccepted event) {
        status = BatchStatus.ACCEPTED;
    }

    void on(ProductionRejected event) {
        status = BatchStatus.REJECTED;
    }

    void on(ProductionStarted event) {
        status = BatchStatus.STARTED;
    }

    void on(ProductionCompleted event) {
        status = BatchStatus.COMPLETED;
        qcPassedQuantity = event.qcPassedQuantity();
    }

    void on(BatchShipped event) {
        status = BatchStatus.SHIPPED;
        shippedQuantity += event.quantity();
        inTransit.merge(event.warehouseId(), event.quantity(), Integer::sum);
    }

    void on(BatchReceived event) {
        receivedQuantity += event.quantity();
        inTransit.merge(event.warehouseId(), -event.quantity(), Integer::sum);
        if (receivedQuantity >= qcPassedQuantity && Objects.equals(shippedQuantity, qcPassedQuantity)) {
            status = BatchStatus.RECEIVED;
        }
    }

    public BatchStatus status() {
        return status;
    }
}
