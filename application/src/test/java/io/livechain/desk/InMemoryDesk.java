package io.livechain.desk;

import io.livechain.access.IdempotentRequests;
import io.livechain.access.IdempotentRequests.Key;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.catalog.Product;
import io.livechain.delivery.Delivery;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.participant.Participant;
import io.livechain.participant.ParticipantId;
import io.livechain.position.AppendedPositions;
import io.livechain.production.ProductionBatch;
import io.livechain.sales.LiveStream;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.event.StockReceived;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * A desk on real aggregates and an in-memory event store, for tests: the transaction manager counts commits, and
 * answers, payment windows and time are kept in memory.
 */
final class InMemoryDesk implements AutoCloseable {

    final AppendedPositions positions = new AppendedPositions();
    final InMemoryEventStorageEngine storage = new PositionNotingStorage(positions);
    final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(storage).build();
    final CountingTransactions transactions = new CountingTransactions();
    final RecordedAnswers answers = new RecordedAnswers();
    final StoredWindows windows = new StoredWindows();
    final MovableClock clock;
    final Desk desk;

    InMemoryDesk(Instant now, int queueCapacity, Duration answerBudget) {
        this.clock = new MovableClock(now);
        DeskRepositories repositories = new DeskRepositories(
                EventSourcingRepository.builder(LiveStream.class)
                        .eventStore(eventStore)
                        .build(),
                EventSourcingRepository.builder(Inventory.class)
                        .eventStore(eventStore)
                        .build(),
                EventSourcingRepository.builder(Product.class)
                        .eventStore(eventStore)
                        .build(),
                EventSourcingRepository.builder(Order.class)
                        .eventStore(eventStore)
                        .build(),
                EventSourcingRepository.builder(Participant.class)
                        .eventStore(eventStore)
                        .build(),
                EventSourcingRepository.builder(ProductionBatch.class)
                        .eventStore(eventStore)
                        .build(),
                EventSourcingRepository.builder(Delivery.class)
                        .eventStore(eventStore)
                        .build());
        this.desk = new Desk(
                () -> repositories,
                transactions,
                answers,
                windows,
                positions,
                List.of(),
                new AvailabilityBoard(),
                clock,
                new Desk.Settings(500, queueCapacity, answerBudget));
    }

    /** Stores an aggregate's history as given, event by event. */
    void given(String type, Object aggregateId, Object... events) {
        for (int i = 0; i < events.length; i++) {
            storage.appendEvents(new GenericDomainEventMessage<>(type, aggregateId.toString(), i, events[i]));
        }
    }

    /** The merchant's SKU in stock at a warehouse in zone north, and a live stream on air offering it. */
    void givenOfferOnAir(ParticipantId merchant, LiveStreamId stream, OfferTerms offer, int unitsInStock) {
        givenOfferOnAir(merchant, stream, offer, unitsInStock, ParticipantId.random());
    }

    /** The same, with the units at this warehouse; the stream ends an hour from now. */
    void givenOfferOnAir(
            ParticipantId merchant, LiveStreamId stream, OfferTerms offer, int unitsInStock, ParticipantId warehouse) {
        InventoryId inventory = InventoryId.of(merchant, offer.sku());
        given(
                "Inventory",
                inventory,
                new InventoryOpened(inventory, merchant, offer.sku()),
                new StockReceived(inventory, offer.sku(), warehouse, "north", unitsInStock, null));
        Instant now = clock.instant();
        given(
                "LiveStream",
                stream,
                new LiveStreamScheduled(stream, merchant, "On air", now, now.plusSeconds(3600), 30, List.of(offer)),
                new LiveStreamStarted(stream));
    }

    /** Decides one request on its own and waits for its answer. */
    <R> DeskOutcome decide(UseCase<R> useCase) {
        return desk.decide(new DeskRequest<>(useCase, Map.of(), null, null, useCase, new Answers<>()));
    }

    /** Appends one more event to an aggregate's stored history, as if another part of the platform applied it. */
    void append(String type, Object aggregateId, Object event) {
        long next = storage.readEvents(aggregateId.toString(), 0).asStream().count();
        storage.appendEvents(new GenericDomainEventMessage<>(type, aggregateId.toString(), next, event));
    }

    /** Every payload stored, oldest first. */
    List<Object> payloads() {
        return storage.readEvents(null, false).map(EventMessage::getPayload).collect(Collectors.toList());
    }

    @Override
    public void close() throws InterruptedException {
        desk.close();
        eventStore.shutDown();
    }

    /**
     * Positions from 1, as in PostgreSQL; notes the position of the last event appended, as the JDBC engine does after
     * its insert. (In a unit of work, this engine stores the events only as it commits; their positions follow the
     * last one stored.)
     */
    static final class PositionNotingStorage extends InMemoryEventStorageEngine {
        private final AppendedPositions positions;

        PositionNotingStorage(AppendedPositions positions) {
            super(1);
            this.positions = positions;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            var head = createHeadToken();
            long stored = head == null ? 0 : head.position().orElseThrow();
            super.appendEvents(events);
            if (!events.isEmpty() && positions.tracking()) {
                positions.appended(stored + events.size());
            }
        }
    }

    /** Answers as a status and the rule's code: 201, or the status the API gives the rule's kind. */
    static final class Answers<R> implements DeskRequest.Renderer<R> {
        @Override
        public RecordedResponse success(R result) {
            return new RecordedResponse(null, 201, null, null, new byte[0]);
        }

        @Override
        public RecordedResponse rejection(BusinessRuleViolation violation) {
            int status = switch (violation.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case UNPROCESSABLE -> 422;
            };
            return new RecordedResponse(
                    null, status, null, null, violation.code().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Counts the batches' transactions, commits and rollbacks; can fail them as a database out of reach would. */
    static final class CountingTransactions implements TransactionManager {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();
        /** Thrown when a transaction starts, while set. */
        volatile RuntimeException failingStart;
        /** Thrown when a transaction commits, while set (after the events were stored: the commit is in doubt). */
        volatile RuntimeException failingCommit;

        @Override
        public Transaction startTransaction() {
            started.incrementAndGet();
            if (failingStart != null) {
                throw failingStart;
            }
            return new Transaction() {
                @Override
                public void commit() {
                    if (failingCommit != null) {
                        throw failingCommit;
                    }
                    commits.incrementAndGet();
                }

                @Override
                public void rollback() {
                    rollbacks.incrementAndGet();
                }
            };
        }
    }

    static final class RecordedAnswers implements IdempotentRequests {
        final Map<Key, RecordedResponse> recorded = new ConcurrentHashMap<>();

        @Override
        public boolean tryLock(UUID apiKeyId, String idempotencyKey) {
            return true;
        }

        @Override
        public Optional<RecordedResponse> find(UUID apiKeyId, String idempotencyKey) {
            return Optional.ofNullable(recorded.get(new Key(apiKeyId, idempotencyKey)));
        }

        @Override
        public void record(UUID apiKeyId, String idempotencyKey, RecordedResponse response) {
            recorded.put(new Key(apiKeyId, idempotencyKey), response);
        }

        @Override
        public Map<Key, RecordedResponse> findAll(Collection<Key> keys) {
            return keys.stream()
                    .filter(recorded::containsKey)
                    .collect(Collectors.toMap(key -> key, recorded::get, (a, b) -> a));
        }

        @Override
        public void recordAll(Map<Key, RecordedResponse> responses) {
            recorded.putAll(responses);
        }

        @Override
        public boolean mightHaveRecorded(Key key) {
            return recorded.containsKey(key);
        }

        @Override
        public int forgetBefore(Instant instant) {
            return 0;
        }
    }

    static final class StoredWindows implements PaymentWindows {
        final Map<OrderId, Window> stored = new ConcurrentHashMap<>();

        @Override
        public void openAll(Collection<Window> opened) {
            opened.forEach(window -> stored.put(window.orderId(), window));
        }

        @Override
        public void closeAll(Collection<OrderId> orderIds) {
            orderIds.forEach(stored::remove);
        }

        @Override
        public List<Window> dueBy(Instant instant, int limit) {
            return stored.values().stream()
                    .filter(window -> !window.dueAt().isAfter(instant))
                    .limit(limit)
                    .toList();
        }
    }

    /** Time that a test moves on. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.accumulateAndGet(Instant.EPOCH, (current, ignored) -> current.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
