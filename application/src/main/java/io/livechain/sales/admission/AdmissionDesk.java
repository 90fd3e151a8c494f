package io.livechain.sales.admission;

import io.livechain.access.IdempotentRequests;
import io.livechain.access.IdempotentRequests.Key;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.shared.BusinessRuleViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of live streams, inventories and products. Requests queue up here and are taken in batches:
 * each batch is decided one request after the other against the aggregates in memory, and then committed in one
 * transaction together with the idempotency records of its requests. Only then are the callers answered.
 *
 * <p>Deciding one at a time makes the no-overselling and per-buyer rules exact without locks or retries; one commit
 * per batch instead of per order is what lets a hot SKU take thousands of orders a second. See ADR 0004.
 */
public final class AdmissionDesk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdmissionDesk.class);
    private static final int ATTEMPTS = 3;

    private final Supplier<DeskContext.Repositories> repositoriesSource;
    private DeskContext.Repositories repositories;
    private final DeadlineManager deadlines;
    private final TransactionManager transactions;
    private final IdempotentRequests idempotentRequests;
    private final List<CorrelationDataProvider> correlationDataProviders;
    private final AvailabilityBoard board;
    private final Clock clock;
    private final int maxBatchSize;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread worker;
    private volatile boolean running = true;

    public AdmissionDesk(
            Supplier<DeskContext.Repositories> repositories,
            DeadlineManager deadlines,
            TransactionManager transactions,
            IdempotentRequests idempotentRequests,
            List<CorrelationDataProvider> correlationDataProviders,
            AvailabilityBoard board,
            Clock clock,
            int maxBatchSize,
            int queueCapacity) {
        this.repositoriesSource = repositories;
        this.deadlines = deadlines;
        this.transactions = transactions;
        this.idempotentRequests = idempotentRequests;
        this.correlationDataProviders = List.copyOf(correlationDataProviders);
        this.board = board;
        this.clock = clock;
        this.maxBatchSize = maxBatchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.worker = Thread.ofPlatform().name("admission-desk").daemon().unstarted(this::run);
    }

    public void start() {
        repositories = repositoriesSource.get();
        worker.start();
    }

    /** Queues a request; the future completes once its batch is committed (or failed). */
    public <R> CompletableFuture<DeskOutcome> submit(DeskRequest<R> request) {
        Pending<R> pending = new Pending<>(request);
        if (!running || !queue.offer(pending)) {
            pending.future.completeExceptionally(new DeskBusy());
        }
        return pending.future;
    }

    public AvailabilityBoard board() {
        return board;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.future.completeExceptionally(new DeskBusy()));
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(maxBatchSize);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatchSize - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException | Error e) {
                log.error("Admission desk batch failed unexpectedly", e);
                batch.forEach(pending -> pending.future.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Pending<?>> batch) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                decideAndCommit(batch);
                batch.forEach(Pending::complete);
                return;
            } catch (RuntimeException e) {
                failure = e;
                board.clear();
                log.warn("Admission desk batch of {} failed (attempt {}): {}", batch.size(), attempt, e.toString());
            }
        }
        if (batch.size() > 1) {
            // one bad request must not sink the others: try each on its own
            for (Pending<?> pending : batch) {
                process(List.of(pending));
            }
            return;
        }
        RuntimeException cause = failure;
        batch.forEach(pending -> pending.future.completeExceptionally(cause));
    }

    private void decideAndCommit(List<Pending<?>> batch) {
        batch.forEach(Pending::reset);
        UnitOfWork<?> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(new DeskBatch(batch.size())));
        correlationDataProviders.forEach(unitOfWork::registerCorrelationDataProvider);
        try {
            unitOfWork.attachTransaction(transactions);
            DeskContext context = new DeskContext(repositories, deadlines, clock);
            Map<Key, RecordedResponse> recorded = idempotentRequests.findAll(batch.stream()
                    .map(pending -> pending.request.idempotencyKey())
                    .filter(Objects::nonNull)
                    .toList());
            Map<Key, RecordedResponse> toRecord = new LinkedHashMap<>();
            Map<Key, RecordedResponse> seen = new HashMap<>(recorded);
            for (Pending<?> pending : batch) {
                Key key = pending.request.idempotencyKey();
                RecordedResponse earlier = key == null ? null : seen.get(key);
                if (earlier != null) {
                    pending.outcome = Arrays.equals(earlier.requestHash(), pending.request.fingerprint())
                            ? new DeskOutcome.Replayed(earlier)
                            : new DeskOutcome.KeyReused();
                    continue;
                }
                unitOfWork.transformMessage(batchMessage -> pending.message);
                context.startRequest();
                RecordedResponse response = pending.decide(context);
                pending.outcome = new DeskOutcome.Answered(response);
                if (key != null) {
                    toRecord.put(key, response);
                    seen.put(key, response);
                }
            }
            idempotentRequests.recordAll(toRecord);
            unitOfWork.commit();
            context.touchedStreams().forEach(stream -> stream.execute(board::update));
            context.touchedInventories().forEach(inventory -> inventory.execute(board::update));
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /** The message of a whole batch; each request's own message takes its place while it is decided. */
    record DeskBatch(int size) {}

    private static final class Pending<R> {

        private final DeskRequest<R> request;
        private final org.axonframework.commandhandling.CommandMessage<?> message;
        private final CompletableFuture<DeskOutcome> future = new CompletableFuture<>();
        private DeskOutcome outcome;

        Pending(DeskRequest<R> request) {
            this.request = request;
            this.message =
                    GenericCommandMessage.asCommandMessage(request.command()).andMetaData(request.auditMetaData());
        }

        /** Rules are checked before anything is applied, so a rejection leaves the aggregates untouched. */
        RecordedResponse decide(DeskContext context) {
            try {
                R result = request.work().apply(context);
                return withFingerprint(request.renderer().success(result));
            } catch (BusinessRuleViolation violation) {
                if (context.changing()) {
                    throw new IllegalStateException("rule broken after changes began: " + violation.code(), violation);
                }
                return withFingerprint(request.renderer().rejection(violation));
            }
        }

        private RecordedResponse withFingerprint(RecordedResponse response) {
            byte[] fingerprint = request.fingerprint() == null ? new byte[0] : request.fingerprint();
            return new RecordedResponse(
                    fingerprint, response.status(), response.contentType(), response.location(), response.body());
        }

        void reset() {
            outcome = null;
        }

        void complete() {
            future.complete(outcome);
        }
    }
}
