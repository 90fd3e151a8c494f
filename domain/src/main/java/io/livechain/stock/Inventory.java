package io.livechain.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.order.InvalidOrder;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.SoldOut;
import io.livechain.shared.Limits;
import io.livechain.shared.LiveStreamId;
import io.livechain.shared.Zone;
import io.livechain.stock.command.AllocateStock;
import io.livechain.stock.command.OpenInventory;
import io.livechain.stock.command.ReceiveStock;
import io.livechain.stock.command.ReleaseOrderStock;
import io.livechain.stock.command.ReturnOrderStock;
import io.livechain.stock.command.ShipOrderStock;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A merchant's stock of one SKU in every warehouse, and the queue of orders waiting for it. Units reserved (and
 * later shipped) at a warehouse never exceed the units received there; waiting orders are served strictly in the
 * order they were placed.
 */
public class Inventory {

    /** Counters are ints, here and in the read models: receipts stop well before they could overflow. */
    static final int MAX_UNITS_RECEIVED = Limits.MAX_UNITS_RECEIVED;

    @AggregateIdentifier
    private InventoryId inventoryId;

    private ParticipantId merchantId;
    private String sku;
    private final Map<ParticipantId, WarehouseStock> warehouses = new LinkedHashMap<>();
    private final Map<OrderId, Reservation> reservations = new HashMap<>();
    private final LinkedHashMap<OrderId, Waiting> backorders = new LinkedHashMap<>();
    private final Map<OrderId, Reservation> shipped = new HashMap<>();

    protected Inventory() {}

    @CommandHandler
    public Inventory(OpenInventory command) {
        if (!command.inventoryId().equals(InventoryId.of(command.merchantId(), command.sku()))) {
            throw new InvalidReceipt("inventoryId does not match merchant and SKU");
        }
        apply(new InventoryOpened(command.inventoryId(), command.merchantId(), command.sku()));
    }

    /** Throws unless a receipt of this many units can be taken at that warehouse. */
    public void checkReceipt(ParticipantId warehouseId, int quantity) {
        if (quantity < 1 || quantity > Limits.MAX_UNITS) {
            throw new InvalidReceipt("quantity must be between 1 and " + Limits.MAX_UNITS);
        }
        WarehouseStock stock = warehouses.get(warehouseId);
        if (stock != null && (long) stock.received + quantity > MAX_UNITS_RECEIVED) {
            throw new InvalidReceipt("a warehouse can hold at most " + MAX_UNITS_RECEIVED + " units received of a SKU");
        }
    }

    @CommandHandler
    public void handle(ReceiveStock command) {
        checkReceipt(command.warehouseId(), command.quantity());
        apply(new StockReceived(
                inventoryId,
                sku,
                command.warehouseId(),
                command.warehouseZone(),
                command.quantity(),
                command.batchId()));
        fillBackorders(command.batchId());
    }

    /** Where an order line would be served from: decided without changing anything. */
    public Allocation allocationFor(int quantity, String buyerZone, boolean allowBackorder) {
        return allocationFor(quantity, buyerZone, allowBackorder, null);
    }

    /** As {@link #allocationFor(int, String, boolean)}, from the preferred warehouse when it has the units. */
    public Allocation allocationFor(
            int quantity, String buyerZone, boolean allowBackorder, ParticipantId preferredWarehouseId) {
        // units already waiting are served first: a newcomer does not overtake the queue
        Optional<ParticipantId> warehouse = Optional.empty();
        if (backorders.isEmpty()) {
            warehouse = Optional.ofNullable(preferredWarehouseId)
                    .filter(preferred -> warehouses.containsKey(preferred)
                            && warehouses.get(preferred).available() >= quantity)
                    .or(() -> warehouseFor(quantity, buyerZone, warehouses.keySet()));
        }
        if (warehouse.isPresent()) {
            return new Allocation.Reserve(warehouse.get());
        }
        return allowBackorder ? new Allocation.Backorder() : new Allocation.Unavailable();
    }

    @CommandHandler
    public void handle(AllocateStock command) {
        if (command.quantity() < 1) {
            throw new InvalidOrder("quantity must be at least 1");
        }
        if (reservations.containsKey(command.orderId())
                || backorders.containsKey(command.orderId())
                || shipped.containsKey(command.orderId())) {
            return; // already allocated (or even shipped)
        }
        switch (allocationFor(
                command.quantity(), command.buyerZone(), command.allowBackorder(), command.preferredWarehouseId())) {
            case Allocation.Reserve reserve ->
                apply(new StockReserved(
                        inventoryId,
                        sku,
                        command.orderId(),
                        command.liveStreamId(),
                        reserve.warehouseId(),
                        command.quantity(),
                        fromBatches(warehouses.get(reserve.warehouseId()).nextUnits(command.quantity()))));
            case Allocation.Backorder backorder ->
                apply(new BackorderPlaced(
                        inventoryId,
                        sku,
                        command.orderId(),
                        command.liveStreamId(),
                        command.quantity(),
                        command.buyerZone()));
            case Allocation.Unavailable unavailable -> throw new SoldOut(sku);
        }
    }

    /** Gives an order's units back (or takes it out of the queue); freed units go to the queue. Safe to repeat. */
    @CommandHandler
    public void handle(ReleaseOrderStock command) {
        Reservation reservation = reservations.get(command.orderId());
        if (reservation != null) {
            apply(new StockReleased(
                    inventoryId,
                    sku,
                    command.orderId(),
                    reservation.liveStreamId(),
                    reservation.warehouseId(),
                    reservation.quantity()));
            fillBackorders(null);
        }
        Waiting waiting = backorders.get(command.orderId());
        if (waiting != null) {
            apply(new BackorderCancelled(
                    inventoryId, sku, command.orderId(), waiting.liveStreamId(), waiting.quantity()));
            fillBackorders(null); // the orders behind it may fit the stock it was waiting for
        }
    }

    /** Where the order's units are held, if they are (the warehouse that must pack it). */
    public Optional<ParticipantId> reservedAt(OrderId orderId) {
        return Optional.ofNullable(reservations.get(orderId)).map(Reservation::warehouseId);
    }

    @CommandHandler
    public void handle(ShipOrderStock command) {
        if (shipped.containsKey(command.orderId())) {
            return;
        }
        Reservation reservation = reservations.get(command.orderId());
        if (reservation == null) {
            throw new InsufficientStock(sku);
        }
        apply(new StockShipped(inventoryId, sku, command.orderId(), reservation.warehouseId(), reservation.quantity()));
    }

    @CommandHandler
    public void handle(ReturnOrderStock command) {
        Reservation sent = shipped.get(command.orderId());
        if (sent == null) {
            return; // nothing shipped for it, or already back
        }
        apply(new StockReturned(inventoryId, sku, command.orderId(), sent.warehouseId(), sent.quantity()));
        fillBackorders(null);
    }

    /** Strictly first-come-first-served: stops at the first waiting order that cannot be served yet. */
    private void fillBackorders(UUID batchId) {
        while (!backorders.isEmpty()) {
            var first = backorders.entrySet().iterator().next();
            Waiting waiting = first.getValue();
            Optional<ParticipantId> warehouse =
                    warehouseFor(waiting.quantity(), waiting.buyerZone(), warehouses.keySet());
            if (warehouse.isEmpty()) {
                return;
            }
            apply(new BackorderFilled(
                    inventoryId,
                    sku,
                    first.getKey(),
                    waiting.liveStreamId(),
                    warehouse.get(),
                    waiting.quantity(),
                    batchId,
                    fromBatches(warehouses.get(warehouse.get()).nextUnits(waiting.quantity()))));
        }
    }

    /**
     * Of these warehouses, those that could serve the units now (none while orders wait for stock): an order whose
     * every line one warehouse can serve is served by it.
     */
    public Set<ParticipantId> warehousesAbleToServe(int quantity) {
        if (!backorders.isEmpty()) {
            return Set.of();
        }
        Set<ParticipantId> able = new HashSet<>();
        warehouses.forEach((id, stock) -> {
            if (stock.available() >= quantity) {
                able.add(id);
            }
        });
        return able;
    }

    /**
     * Of the candidates, a warehouse with the units available: in the buyer's zone if one has them, else the one with
     * the most.
     */
    public Optional<ParticipantId> warehouseFor(int quantity, String buyerZone, Set<ParticipantId> among) {
        Comparator<Map.Entry<ParticipantId, WarehouseStock>> byAvailable =
                Comparator.comparingInt(entry -> entry.getValue().available());
        var candidates = warehouses.entrySet().stream()
                .filter(entry -> among.contains(entry.getKey()))
                .filter(entry -> entry.getValue().available() >= quantity)
                .toList();
        return candidates.stream()
                .filter(entry -> Objects.equals(entry.getValue().zone(), Zone.fold(buyerZone)))
                .max(byAvailable)
                .or(() -> candidates.stream().max(byAvailable))
                .map(Map.Entry::getKey);
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(InventoryEvent event) {
        switch (event) {
            case InventoryOpened inventoryOpened -> on(inventoryOpened);
            case StockReceived stockReceived -> on(stockReceived);
            case StockReserved stockReserved -> on(stockReserved);
            case StockReleased stockReleased -> on(stockReleased);
            case BackorderPlaced backorderPlaced -> on(backorderPlaced);
            case BackorderFilled backorderFilled -> on(backorderFilled);
            case BackorderCancelled backorderCancelled -> on(backorderCancelled);
            case StockShipped stockShipped -> on(stockShipped);
            case StockReturned stockReturned -> on(stockReturned);
        }
    }

    void on(InventoryOpened event) {
        inventoryId = event.inventoryId();
        merchantId = event.merchantId();
        sku = event.sku();
    }

    void on(StockReceived event) {
        WarehouseStock stock =
                warehouses.computeIfAbsent(event.warehouseId(), id -> new WarehouseStock(event.warehouseZone()));
        stock.received += event.quantity();
        stock.lots.add(new Lot(event.batchId(), event.quantity()));
    }

    void on(StockReserved event) {
        reserve(event.orderId(), event.liveStreamId(), event.warehouseId(), event.quantity(), event.batches());
    }

    private void reserve(
            OrderId orderId,
            LiveStreamId liveStreamId,
            ParticipantId warehouseId,
            int quantity,
            List<BatchUnits> batches) {
        WarehouseStock stock = warehouses.get(warehouseId);
        stock.reserved += quantity;
        List<BatchUnits> units = stock.take(quantity, batches);
        reservations.put(orderId, new Reservation(liveStreamId, warehouseId, quantity, units));
    }

    void on(StockReleased event) {
        WarehouseStock stock = warehouses.get(event.warehouseId());
        stock.reserved -= event.quantity();
        Reservation released = reservations.remove(event.orderId());
        if (released != null) {
            stock.giveBack(released.units());
        }
    }

    void on(BackorderPlaced event) {
        backorders.put(event.orderId(), new Waiting(event.liveStreamId(), event.quantity(), event.buyerZone()));
    }

    void on(BackorderFilled event) {
        backorders.remove(event.orderId());
        reserve(event.orderId(), event.liveStreamId(), event.warehouseId(), event.quantity(), event.batches());
    }

    void on(BackorderCancelled event) {
        backorders.remove(event.orderId());
    }

    void on(StockShipped event) {
        WarehouseStock stock = warehouses.get(event.warehouseId());
        stock.reserved -= event.quantity();
        stock.shipped += event.quantity();
        shipped.put(event.orderId(), reservations.remove(event.orderId()));
    }

    void on(StockReturned event) {
        WarehouseStock stock = warehouses.get(event.warehouseId());
        stock.shipped -= event.quantity();
        Reservation returned = shipped.remove(event.orderId());
        if (returned != null) {
            stock.giveBack(returned.units());
        }
    }

    public InventoryId inventoryId() {
        return inventoryId;
    }

    public ParticipantId merchantId() {
        return merchantId;
    }

    public String sku() {
        return sku;
    }

    /** Units that can still be reserved, over all warehouses. */
    public int available() {
        return warehouses.values().stream().mapToInt(WarehouseStock::available).sum();
    }

    public boolean hasBackorders() {
        return !backorders.isEmpty();
    }

    /** Of the units taken, those that came from a production batch: what the event records. */
    private static List<BatchUnits> fromBatches(List<BatchUnits> units) {
        return units.stream().filter(share -> share.batchId() != null).toList();
    }

    private static final class WarehouseStock {
        private final String zone;
        private int received;
        private int reserved;
        private int shipped;
        /** What is left of each receipt here, oldest first: units are taken first in, first out. */
        private final List<Lot> lots = new ArrayList<>();

        private WarehouseStock(String zone) {
            this.zone = Zone.fold(zone); // receipts stored before zones were folded
        }

        String zone() {
            return zone;
        }

        int available() {
            return received - shipped - reserved;
        }

        /** The lots the next units would be taken from, oldest receipt first, without taking them. */
        List<BatchUnits> nextUnits(int quantity) {
            List<BatchUnits> units = new ArrayList<>();
            int wanted = quantity;
            for (Lot lot : lots) {
                if (wanted == 0) {
                    break;
                }
                int taken = Math.min(wanted, lot.left);
                if (taken > 0) {
                    units.add(new BatchUnits(lot.batchId, taken));
                    wanted -= taken;
                }
            }
            return units;
        }

        /**
         * Takes the units from the lots: from the batches the event names, the rest first in, first out (all of it
         * so for events that named none). Returns every lot's share, batch or not, to be given back on release.
         */
        List<BatchUnits> take(int quantity, List<BatchUnits> batches) {
            List<BatchUnits> taken = new ArrayList<>();
            int rest = quantity;
            if (batches != null) {
                for (BatchUnits share : batches) {
                    taken.addAll(takeFrom(share.batchId(), share.quantity()));
                    rest -= share.quantity();
                }
                taken.addAll(takeFrom(null, rest));
            } else {
                taken.addAll(nextUnits(rest));
                taken.forEach(share -> takeFrom(share.batchId(), share.quantity()));
            }
            return taken;
        }

        private List<BatchUnits> takeFrom(UUID batchId, int quantity) {
            List<BatchUnits> taken = new ArrayList<>();
            int rest = quantity;
            for (Lot lot : lots) {
                if (rest == 0) {
                    break;
                }
                if (Objects.equals(lot.batchId, batchId) && lot.left > 0) {
                    int units = Math.min(rest, lot.left);
                    lot.left -= units;
                    rest -= units;
                    taken.add(new BatchUnits(batchId, units));
                }
            }
            return taken;
        }

        /** Units back in stock go back to their lot, so that they are the next taken from it. */
        void giveBack(List<BatchUnits> units) {
            for (BatchUnits share : units) {
                lots.stream()
                        .filter(lot -> Objects.equals(lot.batchId, share.batchId()))
                        .findFirst()
                        .ifPresentOrElse(
                                lot -> lot.left += share.quantity(),
                                () -> lots.addFirst(new Lot(share.batchId(), share.quantity())));
            }
        }
    }

    /** What is left of one receipt at a warehouse; {@code batchId} null for units received without a batch. */
    private static final class Lot {
        private final UUID batchId;
        private int left;

        private Lot(UUID batchId, int left) {
            this.batchId = batchId;
            this.left = left;
        }
    }

    private record Reservation(
            LiveStreamId liveStreamId, ParticipantId warehouseId, int quantity, List<BatchUnits> units) {}

    private record Waiting(LiveStreamId liveStreamId, int quantity, String buyerZone) {}
}
