package io.livechain.sales.projection;

import io.livechain.order.OrderId;
import io.livechain.order.StockState;
import io.livechain.shared.LiveStreamId;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the orders of one live stream hold of one SKU, counted from that SKU's inventory events that name the stream:
 * per order, units reserved at a warehouse or waiting for stock. An order's line stands where the order read model
 * puts it (reserved or backordered when placed, reserved once a backorder is filled, released when the order ends),
 * so an offer counts the same units as of a moment as it does now. Shipping does not move a line: packed and
 * delivered orders still hold their offer's units.
 */
public final class StreamHoldings {

    private final LiveStreamId liveStreamId;
    private final Map<OrderId, Holding> orders = new HashMap<>();

    public StreamHoldings(LiveStreamId liveStreamId) {
        this.liveStreamId = Objects.requireNonNull(liveStreamId, "liveStreamId");
    }

    /** Counts one event of the SKU's inventory; a new event type does not compile until it is decided here. */
    public void apply(InventoryEvent event) {
        switch (event) {
            case StockReserved reserved ->
                hold(reserved.liveStreamId(), reserved.orderId(), StockState.RESERVED, reserved.quantity());
            case BackorderPlaced placed ->
                hold(placed.liveStreamId(), placed.orderId(), StockState.BACKORDERED, placed.quantity());
            case BackorderFilled filled ->
                hold(filled.liveStreamId(), filled.orderId(), StockState.RESERVED, filled.quantity());
            case StockReleased released -> release(released.liveStreamId(), released.orderId());
            case BackorderCancelled cancelled -> release(cancelled.liveStreamId(), cancelled.orderId());
            case InventoryOpened opened -> {
                // no order holds anything yet
            }
            case StockReceived received -> {
                // units for everybody: none of them an order's until reserved
            }
            case StockShipped shipped -> {
                // the order still holds its units, now on their way
            }
            case StockReturned returned -> {
                // the units are back in stock; the order's line is left as it was
            }
        }
    }

    private void hold(LiveStreamId stream, OrderId orderId, StockState state, int quantity) {
        if (liveStreamId.equals(stream)) {
            orders.put(orderId, new Holding(state, quantity));
        }
    }

    private void release(LiveStreamId stream, OrderId orderId) {
        if (liveStreamId.equals(stream)) {
            orders.remove(orderId);
        }
    }

    /** Units the stream's orders hold at warehouses. */
    public int reserved() {
        return units(StockState.RESERVED);
    }

    /** Units the stream's orders wait for. */
    public int backordered() {
        return units(StockState.BACKORDERED);
    }

    private int units(StockState state) {
        return orders.values().stream()
                .filter(holding -> holding.state() == state)
                .mapToInt(Holding::quantity)
                .sum();
    }

    private record Holding(StockState state, int quantity) {}
}
