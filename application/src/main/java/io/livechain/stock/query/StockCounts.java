package io.livechain.stock.query;

import io.livechain.participant.ParticipantId;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The counters of one inventory, moved by its events: units received, reserved and shipped per warehouse, and units
 * that orders wait for. Every counter is a sum of the events' quantities, so counting a run of events from zero gives
 * the change that run makes: from an inventory's first event, its stock after the last one. The stock read model
 * counts each batch of events with it, and the stock as of a moment counts the events up to that moment with it, so
 * the two answers cannot disagree about what an event means.
 */
public final class StockCounts {

    private final Map<UUID, Levels> warehouses = new LinkedHashMap<>();
    private int backordered;

    /** Counts one event; a new event type does not compile until it is counted here (a switch over the family). */
    public void apply(InventoryEvent event) {
        switch (event) {
            case InventoryOpened opened -> {
                // an inventory starts empty
            }
            case StockReceived received -> warehouse(received.warehouseId()).received += received.quantity();
            case StockReserved reserved -> warehouse(reserved.warehouseId()).reserved += reserved.quantity();
            case StockReleased released -> warehouse(released.warehouseId()).reserved -= released.quantity();
            case StockShipped shipped -> {
                Levels levels = warehouse(shipped.warehouseId());
                levels.reserved -= shipped.quantity();
                levels.shipped += shipped.quantity();
            }
            case StockReturned returned -> warehouse(returned.warehouseId()).shipped -= returned.quantity();
            case BackorderPlaced placed -> backordered += placed.quantity();
            case BackorderFilled filled -> {
                backordered -= filled.quantity();
                warehouse(filled.warehouseId()).reserved += filled.quantity();
            }
            case BackorderCancelled cancelled -> backordered -= cancelled.quantity();
        }
    }

    private Levels warehouse(ParticipantId warehouseId) {
        return warehouses.computeIfAbsent(warehouseId.value(), id -> new Levels());
    }

    /** The counters per warehouse that an event touched, in the order they were first touched. */
    public Map<UUID, Levels> warehouses() {
        return warehouses;
    }

    public int backordered() {
        return backordered;
    }

    /**
     * The answer to a SKU's stock, with what is inbound from factories (counted elsewhere: production batches'
     * events). Warehouses come in the order of their ids as text, the order of the read model's {@code uuid} column.
     */
    public StockView toView(String sku, int inbound) {
        List<WarehouseStock> stock = warehouses.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().toString()))
                .map(entry -> WarehouseStock.of(
                        entry.getKey(), entry.getValue().received, entry.getValue().reserved, entry.getValue().shipped))
                .toList();
        return new StockView(sku, stock, inbound, backordered);
    }

    /** Units of a SKU received, reserved and shipped at one warehouse. */
    public static final class Levels {
        private int received;
        private int reserved;
        private int shipped;

        public int received() {
            return received;
        }

        public int reserved() {
            return reserved;
        }

        public int shipped() {
            return shipped;
        }
    }
}
