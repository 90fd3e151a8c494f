package io.livechain.production.saga;

import io.livechain.catalog.ProductId;
import io.livechain.catalog.event.ProductDefined;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.production.command.RequestProduction;
import io.livechain.production.command.ReviseProductionRequest;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.ProductionAccepted;
import io.livechain.production.event.ProductionRejected;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
import io.livechain.stock.event.BackorderPlaced;
import io.livechain.stock.event.StockReceived;
import io.livechain.stock.event.StockReserved;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplenishmentSagaTest {

    private static final String SKU = "LIP-01";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NEEDED_BY = Instant.parse("2026-11-22T10:00:00Z"); // 48 h lead time

    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId factory = ParticipantId.random();
    private final ParticipantId warehouse = ParticipantId.random();
    private final InventoryId inventory = InventoryId.of(merchant, SKU);
    private final BatchId firstRequest = ReplenishmentSaga.batchId(inventory, 1);
    private final BatchId secondRequest = ReplenishmentSaga.batchId(inventory, 2);
    private final LiveStreamId stream = LiveStreamId.random();
    private final AtomicInteger reorderPoint = new AtomicInteger();
    private SagaTestFixture<ReplenishmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReplenishmentSaga.class);
        fixture.registerResource((DemandOutlook) (merchantId, sku, leadTime) -> reorderPoint.get());
    }

    @Test
    void asks_the_factory_for_whole_batches_as_soon_as_orders_wait() {
        // given a product (batch size 100)
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined())
                // when 250 units are backordered
                .whenPublishingA(backorder(250))
                // then one request of three batches, needed within the lead time
                .expectDispatchedCommands(new RequestProduction(firstRequest, merchant, factory, SKU, 300, NEEDED_BY));
    }

    @Test
    void revises_the_open_request_while_demand_grows() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), backorder(250))
                .whenPublishingA(backorder(100))
                .expectDispatchedCommands(new ReviseProductionRequest(firstRequest, 400, NEEDED_BY));
    }

    @Test
    void does_not_revise_when_the_rounded_size_is_unchanged() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), backorder(250))
                .whenPublishingA(backorder(30))
                .expectNoDispatchedCommands();
    }

    @Test
    void does_not_ask_again_while_an_accepted_batch_covers_the_demand() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), backorder(250))
                .andThenAggregate(firstRequest.toString())
                .published(accepted(firstRequest, 300))
                .whenPublishingA(backorder(20))
                .expectNoDispatchedCommands();
    }

    @Test
    void asks_for_more_once_demand_outgrows_the_accepted_batch() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), backorder(250))
                .andThenAggregate(firstRequest.toString())
                .published(accepted(firstRequest, 300))
                .whenPublishingA(backorder(120))
                .expectDispatchedCommands(new RequestProduction(secondRequest, merchant, factory, SKU, 100, NEEDED_BY));
    }

    @Test
    void a_rejection_leads_to_a_new_request() {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), backorder(250))
                .whenAggregate(firstRequest.toString())
                .publishes(new ProductionRejected(firstRequest, merchant, SKU, "line down"))
                .expectDispatchedCommands(new RequestProduction(secondRequest, merchant, factory, SKU, 300, NEEDED_BY));
    }

    @Test
    void raises_a_request_when_the_position_falls_below_the_reorder_point() {
        reorderPoint.set(90);
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), new StockReceived(inventory, SKU, warehouse, "north", 100, null))
                // when 30 are reserved: position 70 is below 90, a gap of 20 is one batch
                .whenPublishingA(new StockReserved(inventory, SKU, OrderId.random(), stream, warehouse, 30, List.of()))
                .expectDispatchedCommands(new RequestProduction(firstRequest, merchant, factory, SKU, 100, NEEDED_BY));
    }

    @Test
    void stays_quiet_while_the_position_covers_the_reorder_point() {
        reorderPoint.set(50);
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), new StockReceived(inventory, SKU, warehouse, "north", 100, null))
                .whenPublishingA(new StockReserved(inventory, SKU, OrderId.random(), stream, warehouse, 30, List.of()))
                .expectNoDispatchedCommands();
    }

    @Test
    void received_units_count_as_on_hand_instead_of_on_order() {
        reorderPoint.set(100);
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(inventory.toString())
                .published(defined(), backorder(50))
                .andThenAggregate(firstRequest.toString())
                .published(accepted(firstRequest, 200), received(firstRequest, 200))
                .andThenAggregate(inventory.toString())
                .published(new StockReceived(inventory, SKU, warehouse, "north", 200, firstRequest.value()))
                // position: 200 on hand - 50 backordered = 150, still above 100
                .whenPublishingA(new StockReserved(inventory, SKU, OrderId.random(), stream, warehouse, 10, List.of()))
                .expectNoDispatchedCommands();
    }

    private ProductDefined defined() {
        return new ProductDefined(ProductId.of(merchant, SKU), merchant, SKU, "Lipstick", factory, 100, 48);
    }

    private BackorderPlaced backorder(int quantity) {
        return new BackorderPlaced(inventory, SKU, OrderId.random(), stream, quantity, "north");
    }

    private ProductionAccepted accepted(BatchId batch, int quantity) {
        return new ProductionAccepted(batch, merchant, SKU, quantity, NEEDED_BY);
    }

    private BatchReceived received(BatchId batch, int quantity) {
        return new BatchReceived(batch, merchant, SKU, warehouse, quantity);
    }
}
