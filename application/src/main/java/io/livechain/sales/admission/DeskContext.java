package io.livechain.sales.admission;

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
import io.livechain.sales.LiveStreamId;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * What desk work can touch: the aggregates of the current batch, loaded once per batch (and kept in memory between
 * batches by their repositories' caches). Also records which streams and inventories the batch touched, so the
 * availability board can be brought up to date after the commit.
 */
public final class DeskContext {

    private final Repositories repositories;
    private final DeadlineManager deadlines;
    private final Clock clock;
    private final Set<Aggregate<LiveStream>> touchedStreams = new HashSet<>();
    private final Set<Aggregate<Inventory>> touchedInventories = new HashSet<>();
    private boolean changing;

    DeskContext(Repositories repositories, DeadlineManager deadlines, Clock clock) {
        this.repositories = repositories;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Optional<Aggregate<LiveStream>> liveStream(LiveStreamId id) {
        return load(repositories.liveStreams(), id.toString()).map(stream -> {
            touchedStreams.add(stream);
            return stream;
        });
    }

    public Optional<Aggregate<Inventory>> inventory(InventoryId id) {
        return load(repositories.inventories(), id.toString()).map(inventory -> {
            touchedInventories.add(inventory);
            return inventory;
        });
    }

    public Optional<Aggregate<Product>> product(ProductId id) {
        return load(repositories.products(), id.toString());
    }

    public Optional<Aggregate<Order>> order(OrderId id) {
        return load(repositories.orders(), id.toString());
    }

    public Optional<Aggregate<Delivery>> delivery(DeliveryId id) {
        return load(repositories.deliveries(), id.toString());
    }

    public Aggregate<Delivery> newDelivery(Callable<Delivery> factory) {
        return create(repositories.deliveries(), factory);
    }

    public Optional<Aggregate<ProductionBatch>> batch(BatchId id) {
        return load(repositories.batches(), id.toString());
    }

    public Optional<Aggregate<Participant>> participant(ParticipantId id) {
        return load(repositories.participants(), id.toString());
    }

    public Aggregate<LiveStream> newLiveStream(Callable<LiveStream> factory) {
        Aggregate<LiveStream> stream = create(repositories.liveStreams(), factory);
        touchedStreams.add(stream);
        return stream;
    }

    public Aggregate<Inventory> newInventory(Callable<Inventory> factory) {
        Aggregate<Inventory> inventory = create(repositories.inventories(), factory);
        touchedInventories.add(inventory);
        return inventory;
    }

    public Aggregate<Product> newProduct(Callable<Product> factory) {
        return create(repositories.products(), factory);
    }

    public Aggregate<Order> newOrder(Callable<Order> factory) {
        return create(repositories.orders(), factory);
    }

    /**
     * Work calls this once its checks have passed, right before it applies anything. A business rule broken after
     * this point means the checks missed something: the whole batch is then rolled back rather than half applied.
     */
    public void beginChanges() {
        changing = true;
    }

    boolean changing() {
        return changing;
    }

    void startRequest() {
        changing = false;
    }

    public DeadlineManager deadlines() {
        return deadlines;
    }

    public Instant now() {
        return clock.instant();
    }

    Set<Aggregate<LiveStream>> touchedStreams() {
        return touchedStreams;
    }

    Set<Aggregate<Inventory>> touchedInventories() {
        return touchedInventories;
    }

    private static <T> Optional<Aggregate<T>> load(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }

    private static <T> Aggregate<T> create(Repository<T> repository, Callable<T> factory) {
        try {
            return repository.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repositories of the aggregates the desk writes (and those it reads). */
    public record Repositories(
            Repository<LiveStream> liveStreams,
            Repository<Inventory> inventories,
            Repository<Product> products,
            Repository<Order> orders,
            Repository<Participant> participants,
            Repository<ProductionBatch> batches,
            Repository<Delivery> deliveries) {}
}
