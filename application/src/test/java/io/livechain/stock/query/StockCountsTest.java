package io.livechain.stock.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.InventoryId;
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
import io.livechain.stock.query.StockView.WarehouseStock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockCountsTest {

    private static final ParticipantId MERCHANT = ParticipantId.random();
    private static final String SKU = "LIP-RED";
    private static final InventoryId INVENTORY = InventoryId.of(MERCHANT, SKU);
    private static final ParticipantId NORTH =
            new ParticipantId(UUID.fromString("f0000000-0000-4000-8000-000000000001"));
    private static final ParticipantId SOUTH =
            new ParticipantId(UUID.fromString("10000000-0000-4000-8000-000000000002"));
    private static final LiveStreamId STREAM = LiveStreamId.random();
    private static final LiveStreamId OTHER_STREAM = LiveStreamId.random();

    private final OrderId first = OrderId.random();
    private final OrderId second = OrderId.random();
    private final OrderId waiting = OrderId.random();
    private final OrderId elsewhere = OrderId.random();

    /** A day of one SKU: receipts, reservations, a shipment and its return, a queue filled and a wait given up. */
    private List<InventoryEvent> history() {
        return List.of(
                new InventoryOpened(INVENTORY, MERCHANT, SKU),
                new StockReceived(INVENTORY, SKU, NORTH, "north", 10, null),
                new StockReceived(INVENTORY, SKU, SOUTH, "south", 4, null),
                new StockReserved(INVENTORY, SKU, first, STREAM, NORTH, 3, List.of()),
                new StockReserved(INVENTORY, SKU, second, STREAM, SOUTH, 4, List.of()),
                new StockReserved(INVENTORY, SKU, elsewhere, OTHER_STREAM, NORTH, 2, List.of()),
                new BackorderPlaced(INVENTORY, SKU, waiting, STREAM, 6, "north"),
                new StockShipped(INVENTORY, SKU, second, SOUTH, 4),
                new StockReleased(INVENTORY, SKU, first, STREAM, NORTH, 3),
                new BackorderFilled(INVENTORY, SKU, waiting, STREAM, NORTH, 6, null, List.of()),
                new StockReturned(INVENTORY, SKU, second, SOUTH, 4),
                new BackorderPlaced(INVENTORY, SKU, first, STREAM, 1, "north"),
                new BackorderCancelled(INVENTORY, SKU, first, STREAM, 1));
    }

    @Test
    void counts_a_skus_stock_per_warehouse_in_the_order_of_their_ids_as_text() {
        // given
        StockCounts counts = new StockCounts();

        // when
        history().forEach(counts::apply);

        // then
        StockView view = counts.toView(SKU, 7);
        assertThat(view.warehouses())
                .containsExactly(
                        WarehouseStock.of(SOUTH.value(), 4, 0, 0), // shipped, then returned
                        WarehouseStock.of(NORTH.value(), 10, 8, 0));
        assertThat(view.warehouses().get(1)).isEqualTo(new WarehouseStock(NORTH.value(), 10, 8, 2));
        assertThat(view.backordered()).isZero();
        assertThat(view.inbound()).isEqualTo(7);
    }

    @Test
    void counting_a_history_in_two_runs_and_adding_them_gives_the_same_as_counting_it_in_one() {
        // given the read model's way: each batch counted from zero, its change added to the rows
        List<InventoryEvent> events = history();
        StockCounts firstRun = new StockCounts();
        StockCounts secondRun = new StockCounts();
        events.subList(0, 7).forEach(firstRun::apply);
        events.subList(7, events.size()).forEach(secondRun::apply);

        // when counted in one run, as the stock as of a moment is
        StockCounts whole = new StockCounts();
        events.forEach(whole::apply);

        // then
        assertThat(firstRun.backordered() + secondRun.backordered()).isEqualTo(whole.backordered());
        whole.warehouses().forEach((warehouseId, levels) -> {
            var a = firstRun.warehouses().get(warehouseId);
            var b = secondRun.warehouses().get(warehouseId);
            assertThat((a == null ? 0 : a.received()) + (b == null ? 0 : b.received()))
                    .isEqualTo(levels.received());
            assertThat((a == null ? 0 : a.reserved()) + (b == null ? 0 : b.reserved()))
                    .isEqualTo(levels.reserved());
            assertThat((a == null ? 0 : a.shipped()) + (b == null ? 0 : b.shipped()))
                    .isEqualTo(levels.shipped());
        });
    }
}
