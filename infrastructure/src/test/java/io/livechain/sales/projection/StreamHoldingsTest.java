package io.livechain.sales.projection;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a live stream's orders hold of a SKU, counted from its inventory events as of any moment. */
class StreamHoldingsTest {

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
    void a_streams_orders_hold_what_they_reserved_or_wait_for_and_nothing_once_released() {
        // given
        StreamHoldings holdings = new StreamHoldings(STREAM);
        List<InventoryEvent> events = history();

        // when the history runs up to the backorder (first 3, second 4 reserved; waiting 6 queued)
        events.subList(0, 7).forEach(holdings::apply);

        // then
        assertThat(holdings.reserved()).isEqualTo(7);
        assertThat(holdings.backordered()).isEqualTo(6);

        // and when it runs on: second shipped and returned, first released, waiting filled, a wait given up
        events.subList(7, events.size()).forEach(holdings::apply);

        // then the other stream's order never counted, shipping kept the units held
        assertThat(holdings.reserved()).isEqualTo(4 + 6);
        assertThat(holdings.backordered()).isZero();
    }
}
