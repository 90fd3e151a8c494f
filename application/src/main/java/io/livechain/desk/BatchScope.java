package io.livechain.desk;

import io.livechain.catalog.Product;
import io.livechain.catalog.ProductId;
import io.livechain.delivery.Delivery;
import io.livechain.delivery.DeliveryId;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.participant.Participant;
import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.production.ProductionBatch;
import io.livechain.sales.LiveStream;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The aggregates of one batch attempt, each loaded once (the repositories' caches keep the desk's own aggregates in
 * memory between batches). Use cases read them as {@link DeskState} and change them as {@link DeskChanges}. Also
 * collects the payment windows to store or remove, and which streams and inventories changed, for the board.
 */
final class BatchScope implements DeskState, DeskChanges {

    private final DeskRepositories repositories;
    private final Clock clock;
    private final Map<Object, Optional<? extends Aggregate<?>>> loaded = new HashMap<>();
    private final Set<Aggregate<LiveStream>> changedStreams = new LinkedHashSet<>();
    private final Set<Aggregate<Inventory>> changedInventories = new LinkedHashSet<>();
    private final Map<OrderId, PaymentWindows.Window> windowsOpened = new LinkedHashMap<>();
    private final List<OrderId> windowsClosed = new ArrayList<>();

    BatchScope(DeskRepositories repositories, Clock clock) {
        this.repositories = repositories;
        this.clock = clock;
    }

    // --- DeskState ---------------------------------------------------------------------------------------------

    @Override
    public Optional<LiveStream> liveStream(LiveStreamId id) {
        return root(id, repositories.liveStreams(), id.toString());
    }

    @Override
    public Optional<Inventory> inventory(InventoryId id) {
        return root(id, repositories.inventories(), id.toString());
    }

    @Override
    public Optional<Product> product(ProductId id) {
        return root(id, repositories.products(), id.toString());
    }

    @Override
    public Optional<Order> order(OrderId id) {
        return root(id, repositories.orders(), id.toString());
    }

    @Override
    public Optional<Participant> participant(ParticipantId id) {
        return root(id, repositories.participants(), id.toString());
    }

    @Override
    public Optional<ProductionBatch> batch(BatchId id) {
        return root(id, repositories.batches(), id.toString());
    }

    @Override
    public Optional<Delivery> delivery(DeliveryId id) {
        return root(id, repositories.deliveries(), id.toString());
    }

    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
    }

    // --- DeskChanges -------------------------------------------------------------------------------------------

    @Override
    public void liveStream(LiveStreamId id, Consumer<LiveStream> change) {
        Aggregate<LiveStream> stream = existing(id, repositories.liveStreams(), id.toString());
        stream.execute(change);
        changedStreams.add(stream);
    }

    @Override
    public void inventory(InventoryId id, Consumer<Inventory> change) {
        Aggregate<Inventory> inventory = existing(id, repositories.inventories(), id.toString());
        inventory.execute(change);
        changedInventories.add(inventory);
    }

    @Override
    public void order(OrderId id, Consumer<Order> change) {
        existing(id, repositories.orders(), id.toString()).execute(change);
    }

    @Override
    public void batch(BatchId id, Consumer<ProductionBatch> change) {
        existing(id, repositories.batches(), id.toString()).execute(change);
    }

    @Override
    public void delivery(DeliveryId id, Consumer<Delivery> change) {
        existing(id, repositories.deliveries(), id.toString()).execute(change);
    }

    @Override
    public void participant(ParticipantId id, Consumer<Participant> change) {
        existing(id, repositories.participants(), id.toString()).execute(change);
    }

    @Override
    public void newLiveStream(Callable<LiveStream> creation) {
        changedStreams.add(create(repositories.liveStreams(), creation, LiveStream::liveStreamId));
    }

    @Override
    public void newInventory(Callable<Inventory> creation) {
        changedInventories.add(create(repositories.inventories(), creation, Inventory::inventoryId));
    }

    @Override
    public void newProduct(Callable<Product> creation) {
        create(repositories.products(), creation, Product::productId);
    }

    @Override
    public void newOrder(Callable<Order> creation) {
        create(repositories.orders(), creation, Order::orderId);
    }

    @Override
    public void newDelivery(Callable<Delivery> creation) {
        create(repositories.deliveries(), creation, Delivery::deliveryId);
    }

    @Override
    public void openPaymentWindow(PaymentWindows.Window window) {
        windowsOpened.put(window.orderId(), window);
    }

    @Override
    public void closePaymentWindow(OrderId orderId) {
        if (windowsOpened.remove(orderId) == null) {
            windowsClosed.add(orderId);
        }
    }

    // --- for the desk ------------------------------------------------------------------------------------------

    Set<Aggregate<LiveStream>> changedStreams() {
        return changedStreams;
    }

    Set<Aggregate<Inventory>> changedInventories() {
        return changedInventories;
    }

    java.util.Collection<PaymentWindows.Window> windowsOpened() {
        return windowsOpened.values();
    }

    List<OrderId> windowsClosed() {
        return windowsClosed;
    }

    // ------------------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private <T> Optional<Aggregate<T>> load(Object id, Repository<T> repository, String identifier) {
        return (Optional<Aggregate<T>>) loaded.computeIfAbsent(id, key -> {
            try {
                return Optional.of(repository.load(identifier));
            } catch (AggregateNotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    private <T> Optional<T> root(Object id, Repository<T> repository, String identifier) {
        return load(id, repository, identifier).map(aggregate -> aggregate.invoke(Function.identity()));
    }

    private <T> Aggregate<T> existing(Object id, Repository<T> repository, String identifier) {
        return load(id, repository, identifier)
                .orElseThrow(
                        () -> new IllegalStateException("a decision changes " + identifier + ", which it never saw"));
    }

    private <T> Aggregate<T> create(Repository<T> repository, Callable<T> creation, Function<T, Object> idOf) {
        Aggregate<T> aggregate;
        try {
            aggregate = repository.newInstance(creation);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        loaded.put(aggregate.invoke(idOf), Optional.of(aggregate));
        return aggregate;
    }
}
