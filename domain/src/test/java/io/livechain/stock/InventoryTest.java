package io.livechain.stock;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.SoldOut;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.command.AllocateStock;
import io.livechain.stock.command.OpenInventory;
import io.livechain.stock.command.ReceiveStock;
import io.livechain.stock.command.ReleaseOrderStock;
import io.livechain.stock.command.ReturnOrderStock;
import io.livechain.stock.command.ShipOrderStock;
import io.livechain.stock.event.BackorderCancelled;
import io.livechain.stock.event.BackorderFilled;
import io.livechain.stock.event.BackorderPlaced;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.event.StockReceived;
import io.livechain.stock.event.StockReleased;
import io.livechain.stock.event.StockReserved;
import io.livechain.stock.event.StockReturned;
import io.livechain.stock.event.StockShipped;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private static final String SKU = "DRESS-RED-M";
    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final String EAST = "east";

    private final ParticipantId merchant = ParticipantId.random();
    private final InventoryId inventoryId = InventoryId.of(merchant, SKU);
    private final LiveStreamId liveStreamId = LiveStreamId.random();
    private final ParticipantId northWarehouse = ParticipantId.random();
    private final ParticipantId southWarehouse = ParticipantId.random();
    private final ParticipantId eastWarehouse = ParticipantId.random();
    private final UUID batchId = UUID.randomUUID();
    private FixtureConfiguration<Inventory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inventory.class);
        // Inventory keeps its per-warehouse counts in a mutable class without equals(): the fixture's comparison of
        // the working aggregate with the one sourced from its events would report every such entry as different.
        fixture.setReportIllegalStateChange(false);
    }

    private InventoryOpened opened() {
        return new InventoryOpened(inventoryId, merchant, SKU);
    }

    private StockReceived received(ParticipantId warehouseId, String zone, int quantity) {
        return new StockReceived(inventoryId, SKU, warehouseId, zone, quantity, batchId);
    }

    private ReceiveStock receive(ParticipantId warehouseId, String zone, int quantity) {
        return new ReceiveStock(inventoryId, warehouseId, zone, quantity, batchId);
    }

    private StockReserved reserved(OrderId orderId, ParticipantId warehouseId, int quantity) {
        return new StockReserved(
                inventoryId,
                SKU,
                orderId,
                liveStreamId,
                warehouseId,
                quantity,
                List.of(new BatchUnits(batchId, quantity)));
    }

    private BackorderPlaced backordered(OrderId orderId, int quantity, String buyerZone) {
        return new BackorderPlaced(inventoryId, SKU, orderId, liveStreamId, quantity, buyerZone);
    }

    /** Filled by a receipt: the units come from the received batch. */
    private BackorderFilled filled(OrderId orderId, ParticipantId warehouseId, int quantity) {
        return new BackorderFilled(
                inventoryId,
                SKU,
                orderId,
                liveStreamId,
                warehouseId,
                quantity,
                batchId,
                List.of(new BatchUnits(batchId, quantity)));
    }

    /** Filled by units another order gave back: no batch to name. */
    private BackorderFilled filledByRelease(OrderId orderId, ParticipantId warehouseId, int quantity) {
        return new BackorderFilled(
                inventoryId,
                SKU,
                orderId,
                liveStreamId,
                warehouseId,
                quantity,
                null,
                List.of(new BatchUnits(batchId, quantity)));
    }

    private StockShipped shipped(OrderId orderId, ParticipantId warehouseId, int quantity) {
        return new StockShipped(inventoryId, SKU, orderId, warehouseId, quantity);
    }

    private StockReturned returned(OrderId orderId, ParticipantId warehouseId, int quantity) {
        return new StockReturned(inventoryId, SKU, orderId, warehouseId, quantity);
    }

    private AllocateStock allocate(OrderId orderId, int quantity, String buyerZone, boolean allowBackorder) {
        return new AllocateStock(inventoryId, orderId, liveStreamId, quantity, buyerZone, allowBackorder);
    }

    // opening and receiving

    @Test
    void opens_an_empty_inventory() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new OpenInventory(inventoryId, merchant, SKU))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void receives_stock_at_a_warehouse() {
        // given
        fixture.given(opened())
                // when
                .when(receive(northWarehouse, NORTH, 40))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(northWarehouse, NORTH, 40));
    }

    @Test
    void rejects_a_receipt_that_would_overflow_the_warehouse_count() {
        // given a warehouse that has received all but a few of the units it can count
        fixture.given(opened(), received(northWarehouse, NORTH, Inventory.MAX_UNITS_RECEIVED - 5))
                // when
                .when(receive(northWarehouse, NORTH, 6))
                // then
                .expectException(InvalidReceipt.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_receipt_of_zero_units() {
        // given
        fixture.given(opened())
                // when
                .when(receive(northWarehouse, NORTH, 0))
                // then
                .expectException(InvalidReceipt.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_receipt_of_a_negative_quantity() {
        // given
        fixture.given(opened())
                // when
                .when(receive(northWarehouse, NORTH, -5))
                // then
                .expectException(InvalidReceipt.class)
                .expectNoEvents();
    }

    // allocating

    @Test
    void reserves_stock_at_a_warehouse_that_has_it() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), received(northWarehouse, NORTH, 10))
                // when
                .when(allocate(orderId, 2, NORTH, false))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(reserved(orderId, northWarehouse, 2));
    }

    @Test
    void prefers_a_warehouse_in_the_buyers_zone_over_one_with_more_stock_elsewhere() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), received(southWarehouse, SOUTH, 50), received(northWarehouse, NORTH, 2))
                // when
                .when(allocate(orderId, 2, NORTH, true))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(reserved(orderId, northWarehouse, 2));
    }

    @Test
    void falls_back_to_the_warehouse_with_the_most_stock_when_the_buyers_zone_has_too_little() {
        OrderId orderId = OrderId.random();
        // given the north warehouse has only 1 unit
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 1),
                        received(southWarehouse, SOUTH, 4),
                        received(eastWarehouse, EAST, 9))
                // when
                .when(allocate(orderId, 2, NORTH, false))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(reserved(orderId, eastWarehouse, 2));
    }

    @Test
    void falls_back_to_any_warehouse_when_none_is_in_the_buyers_zone() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), received(southWarehouse, SOUTH, 5))
                // when
                .when(allocate(orderId, 3, "west", false))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(reserved(orderId, southWarehouse, 3));
    }

    @Test
    void does_not_split_a_line_over_warehouses() {
        OrderId orderId = OrderId.random();
        // given 4 units in total, but at most 2 in one warehouse
        fixture.given(opened(), received(northWarehouse, NORTH, 2), received(southWarehouse, SOUTH, 2))
                // when
                .when(allocate(orderId, 3, NORTH, true))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(backordered(orderId, 3, NORTH));
    }

    @Test
    void places_a_backorder_without_stock_when_the_offer_allows_it() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened())
                // when
                .when(allocate(orderId, 2, NORTH, true))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(backordered(orderId, 2, NORTH));
    }

    @Test
    void rejects_an_allocation_without_stock_when_the_offer_does_not_allow_backorders() {
        // given
        fixture.given(opened())
                // when
                .when(allocate(OrderId.random(), 2, NORTH, false))
                // then
                .expectException(SoldOut.class)
                .expectNoEvents();
    }

    @Test
    void never_reserves_units_that_are_already_reserved() {
        // given both units are held for another order
        fixture.given(opened(), received(northWarehouse, NORTH, 2), reserved(OrderId.random(), northWarehouse, 2))
                // when
                .when(allocate(OrderId.random(), 1, NORTH, false))
                // then
                .expectException(SoldOut.class)
                .expectNoEvents();
    }

    @Test
    void a_new_order_does_not_overtake_the_backorder_queue() {
        OrderId orderId = OrderId.random();
        // given 5 units are waited for and the 3 received are not enough for them
        fixture.given(opened(), backordered(OrderId.random(), 5, NORTH), received(northWarehouse, NORTH, 3))
                // when
                .when(allocate(orderId, 1, NORTH, true))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(backordered(orderId, 1, NORTH));
    }

    @Test
    void a_new_order_that_cannot_wait_is_sold_out_while_others_are_waiting() {
        // given 5 units are waited for and the 3 received are not enough for them
        fixture.given(opened(), backordered(OrderId.random(), 5, NORTH), received(northWarehouse, NORTH, 3))
                // when
                .when(allocate(OrderId.random(), 1, NORTH, false))
                // then
                .expectException(SoldOut.class)
                .expectNoEvents();
    }

    @Test
    void allocating_stock_for_a_reserved_order_again_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), received(northWarehouse, NORTH, 10), reserved(orderId, northWarehouse, 2))
                // when
                .when(allocate(orderId, 2, NORTH, false))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void allocating_stock_for_a_backordered_order_again_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), backordered(orderId, 2, NORTH))
                // when
                .when(allocate(orderId, 2, NORTH, true))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // filling backorders

    @Test
    void receiving_stock_fills_a_waiting_backorder() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), backordered(orderId, 2, SOUTH))
                // when
                .when(receive(northWarehouse, NORTH, 10))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(northWarehouse, NORTH, 10), filled(orderId, northWarehouse, 2));
    }

    @Test
    void fills_backorders_in_the_order_they_were_placed() {
        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        OrderId third = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        backordered(first, 2, NORTH),
                        backordered(second, 2, NORTH),
                        backordered(third, 1, NORTH))
                // when
                .when(receive(northWarehouse, NORTH, 5))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        received(northWarehouse, NORTH, 5),
                        filled(first, northWarehouse, 2),
                        filled(second, northWarehouse, 2),
                        filled(third, northWarehouse, 1));
    }

    @Test
    void stops_filling_backorders_at_the_first_one_it_cannot_serve() {
        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        OrderId third = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        backordered(first, 2, NORTH),
                        backordered(second, 2, NORTH),
                        backordered(third, 1, NORTH))
                // when 3 units arrive
                .when(receive(northWarehouse, NORTH, 3))
                // then the first is served, the second does not fit, and the third must not overtake it
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(northWarehouse, NORTH, 3), filled(first, northWarehouse, 2));
    }

    @Test
    void fills_a_backorder_at_a_warehouse_that_can_serve_all_of_it() {
        OrderId orderId = OrderId.random();
        // given the south warehouse has 20 units, all reserved except 1, which is too few for the waiting order
        fixture.given(
                        opened(),
                        received(southWarehouse, SOUTH, 20),
                        reserved(OrderId.random(), southWarehouse, 19),
                        backordered(orderId, 2, NORTH))
                // when
                .when(receive(northWarehouse, NORTH, 2))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(northWarehouse, NORTH, 2), filled(orderId, northWarehouse, 2));
    }

    // releasing

    @Test
    void releases_the_stock_of_a_reserved_order() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), received(northWarehouse, NORTH, 10), reserved(orderId, northWarehouse, 2))
                // when
                .when(new ReleaseOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReleased(inventoryId, SKU, orderId, liveStreamId, northWarehouse, 2));
    }

    @Test
    void released_stock_fills_a_waiting_backorder() {
        OrderId cancelled = OrderId.random();
        OrderId waiting = OrderId.random();
        // given both units are reserved, and another order waits for 2
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 2),
                        reserved(cancelled, northWarehouse, 2),
                        backordered(waiting, 2, SOUTH))
                // when
                .when(new ReleaseOrderStock(inventoryId, cancelled))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new StockReleased(inventoryId, SKU, cancelled, liveStreamId, northWarehouse, 2),
                        filledByRelease(waiting, northWarehouse, 2));
    }

    @Test
    void released_stock_is_available_to_new_orders() {
        OrderId cancelled = OrderId.random();
        OrderId orderId = OrderId.random();
        // given both units were reserved, then released
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 2),
                        reserved(cancelled, northWarehouse, 2),
                        new StockReleased(inventoryId, SKU, cancelled, liveStreamId, northWarehouse, 2))
                // when
                .when(allocate(orderId, 2, NORTH, false))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(reserved(orderId, northWarehouse, 2));
    }

    @Test
    void cancels_the_backorder_of_a_waiting_order() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), backordered(orderId, 3, NORTH))
                // when
                .when(new ReleaseOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BackorderCancelled(inventoryId, SKU, orderId, liveStreamId, 3));
    }

    @Test
    void releasing_the_stock_of_an_unknown_order_changes_nothing() {
        // given
        fixture.given(opened(), received(northWarehouse, NORTH, 10), reserved(OrderId.random(), northWarehouse, 2))
                // when
                .when(new ReleaseOrderStock(inventoryId, OrderId.random()))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasing_the_stock_of_an_order_twice_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 10),
                        reserved(orderId, northWarehouse, 2),
                        new StockReleased(inventoryId, SKU, orderId, liveStreamId, northWarehouse, 2))
                // when
                .when(new ReleaseOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // shipping

    @Test
    void ships_the_reserved_units_of_a_packed_order() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 10),
                        received(southWarehouse, SOUTH, 10),
                        reserved(orderId, southWarehouse, 3))
                // when
                .when(new ShipOrderStock(inventoryId, orderId))
                // then the units leave the warehouse that held them
                .expectSuccessfulHandlerExecution()
                .expectEvents(shipped(orderId, southWarehouse, 3));
    }

    @Test
    void ships_the_units_of_a_filled_backorder() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        backordered(orderId, 2, NORTH),
                        received(northWarehouse, NORTH, 5),
                        filled(orderId, northWarehouse, 2))
                // when
                .when(new ShipOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(shipped(orderId, northWarehouse, 2));
    }

    @Test
    void rejects_shipping_an_order_without_reserved_units() {
        // given
        fixture.given(opened(), received(northWarehouse, NORTH, 10))
                // when
                .when(new ShipOrderStock(inventoryId, OrderId.random()))
                // then
                .expectException(InsufficientStock.class)
                .expectNoEvents();
    }

    @Test
    void rejects_shipping_an_order_that_is_still_waiting_for_stock() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(opened(), backordered(orderId, 2, NORTH))
                // when
                .when(new ShipOrderStock(inventoryId, orderId))
                // then
                .expectException(InsufficientStock.class)
                .expectNoEvents();
    }

    @Test
    void shipping_an_order_twice_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 10),
                        reserved(orderId, northWarehouse, 2),
                        shipped(orderId, northWarehouse, 2))
                // when
                .when(new ShipOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shipped_units_are_no_longer_available_to_new_orders() {
        OrderId orderId = OrderId.random();
        // given both units were reserved and have left the warehouse
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 2),
                        reserved(orderId, northWarehouse, 2),
                        shipped(orderId, northWarehouse, 2))
                // when
                .when(allocate(OrderId.random(), 1, NORTH, false))
                // then
                .expectException(SoldOut.class)
                .expectNoEvents();
    }

    @Test
    void a_new_order_waits_when_the_units_were_shipped() {
        OrderId orderId = OrderId.random();
        OrderId newcomer = OrderId.random();
        // given 3 of the 4 units were reserved and have left the warehouse
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 4),
                        reserved(orderId, northWarehouse, 3),
                        shipped(orderId, northWarehouse, 3))
                // when
                .when(allocate(newcomer, 2, NORTH, true))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(backordered(newcomer, 2, NORTH));
    }

    @Test
    void units_left_after_shipping_are_still_available() {
        OrderId orderId = OrderId.random();
        OrderId newcomer = OrderId.random();
        // given 3 of the 4 units were reserved and have left the warehouse
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 4),
                        reserved(orderId, northWarehouse, 3),
                        shipped(orderId, northWarehouse, 3))
                // when
                .when(allocate(newcomer, 1, NORTH, false))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(reserved(newcomer, northWarehouse, 1));
    }

    @Test
    void releasing_a_shipped_order_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 10),
                        reserved(orderId, northWarehouse, 2),
                        shipped(orderId, northWarehouse, 2))
                // when
                .when(new ReleaseOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // returns

    @Test
    void returns_the_units_of_a_shipped_order_to_its_warehouse() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 10),
                        received(southWarehouse, SOUTH, 10),
                        reserved(orderId, southWarehouse, 3),
                        shipped(orderId, southWarehouse, 3))
                // when
                .when(new ReturnOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(returned(orderId, southWarehouse, 3));
    }

    @Test
    void returned_units_fill_a_waiting_backorder() {
        OrderId sent = OrderId.random();
        OrderId waiting = OrderId.random();
        // given both units left the warehouse, and another order waits for 2
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 2),
                        reserved(sent, northWarehouse, 2),
                        shipped(sent, northWarehouse, 2),
                        backordered(waiting, 2, SOUTH))
                // when
                .when(new ReturnOrderStock(inventoryId, sent))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(returned(sent, northWarehouse, 2), filledByRelease(waiting, northWarehouse, 2));
    }

    @Test
    void returned_units_are_available_to_new_orders() {
        OrderId sent = OrderId.random();
        OrderId orderId = OrderId.random();
        // given both units left the warehouse and came back
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 2),
                        reserved(sent, northWarehouse, 2),
                        shipped(sent, northWarehouse, 2),
                        returned(sent, northWarehouse, 2))
                // when
                .when(allocate(orderId, 2, NORTH, false))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(reserved(orderId, northWarehouse, 2));
    }

    @Test
    void returning_an_order_that_was_never_shipped_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given its units are reserved but still in the warehouse
        fixture.given(opened(), received(northWarehouse, NORTH, 10), reserved(orderId, northWarehouse, 2))
                // when
                .when(new ReturnOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void returning_an_order_twice_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        opened(),
                        received(northWarehouse, NORTH, 10),
                        reserved(orderId, northWarehouse, 2),
                        shipped(orderId, northWarehouse, 2),
                        returned(orderId, northWarehouse, 2))
                // when
                .when(new ReturnOrderStock(inventoryId, orderId))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // which batch an order's units came from: first in, first out

    @Test
    void units_are_taken_from_the_oldest_receipt_first_and_the_event_names_their_batches() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        OrderId orderId = OrderId.random();
        fixture.given(
                        opened(),
                        new StockReceived(inventoryId, SKU, northWarehouse, NORTH, 2, older),
                        new StockReceived(inventoryId, SKU, northWarehouse, NORTH, 1, null),
                        new StockReceived(inventoryId, SKU, northWarehouse, NORTH, 5, newer))
                .when(allocate(orderId, 4, NORTH, false))
                .expectEvents(new StockReserved(
                        inventoryId,
                        SKU,
                        orderId,
                        liveStreamId,
                        northWarehouse,
                        4,
                        List.of(new BatchUnits(older, 2), new BatchUnits(newer, 1))));
    }

    @Test
    void units_given_back_are_the_next_taken_from_their_batch() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        OrderId released = OrderId.random();
        OrderId next = OrderId.random();
        fixture.given(
                        opened(),
                        new StockReceived(inventoryId, SKU, northWarehouse, NORTH, 2, older),
                        new StockReceived(inventoryId, SKU, northWarehouse, NORTH, 5, newer),
                        new StockReserved(
                                inventoryId,
                                SKU,
                                released,
                                liveStreamId,
                                northWarehouse,
                                3,
                                List.of(new BatchUnits(older, 2), new BatchUnits(newer, 1))),
                        new StockReleased(inventoryId, SKU, released, liveStreamId, northWarehouse, 3))
                .when(allocate(next, 2, NORTH, false))
                .expectEvents(new StockReserved(
                        inventoryId, SKU, next, liveStreamId, northWarehouse, 2, List.of(new BatchUnits(older, 2))));
    }

    @Test
    void events_stored_before_batches_were_named_are_worked_out_again_first_in_first_out() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        OrderId next = OrderId.random();
        fixture.given(
                        opened(),
                        new StockReceived(inventoryId, SKU, northWarehouse, NORTH, 2, older),
                        new StockReceived(inventoryId, SKU, northWarehouse, NORTH, 5, newer),
                        new StockReserved(inventoryId, SKU, OrderId.random(), liveStreamId, northWarehouse, 3, null))
                .when(allocate(next, 1, NORTH, false))
                .expectEvents(new StockReserved(
                        inventoryId, SKU, next, liveStreamId, northWarehouse, 1, List.of(new BatchUnits(newer, 1))));
    }
}
