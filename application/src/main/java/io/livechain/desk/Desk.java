package io.livechain.desk;

import io.livechain.access.IdempotentRequests;
import io.livechain.access.IdempotentRequests.Key;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.position.AppendedPositions;
import io.livechain.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of live streams, inventories, products and the orders it admits. Requests queue up here and are
 * taken in batches: each request's {@link UseCase} decides against the aggregates in memory and its decision is
 * applied at once, so the next request sees it; then the whole batch is committed in one transaction, together with
 * the idempotency records and payment windows of its requests. Only then are the callers answered. Every answer
 * that changed something names the position of the batch's last event (ADR 0010), learnt once per batch after its
 * events were inserted, before the answers are recorded.
 *
 * <p>Deciding one at a time makes the no-overselling and per-buyer rules exact without locks or retries; one commit
 * per batch instead of per order is what lets a hot SKU take thousands of orders a second (ADR 0004).
 *
 * <p>A caller waits at most the answer budget for its request to be taken. A request not taken by then is withdrawn
 * and answered {@link DeskOutcome.Busy}: it is never decided later, so "busy" always means "nothing changed".
 *
 * <p>A batch that cannot reach the database is not retried: its requests are answered
 * {@link DeskOutcome.Unavailable} at once, and so are requests turned away until a batch commits again. Every other
 * failure ({@link Throwable}s included) rolls the batch back; it is retried, then request by request.
 */
public final class Desk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Desk.class);
    private static final int ATTEMPTS = 3;

    private final Supplier<DeskRepositories> repositoriesSource;
    private DeskRepositories repositories;
    private final TransactionManager transactions;
    private final IdempotentRequests idempotentRequests;
    private final PaymentWindows paymentWindows;
    private final AppendedPositions positions;
    private final List<CorrelationDataProvider> correlationDataProviders;
    private final AvailabilityBoard board;
    private final Clock clock;
    private final Settings settings;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread worker;
    private volatile boolean running = true;
    /** Set when a batch could not reach the database, cleared when one commits. */
    private volatile boolean databaseUnreachable;

    public Desk(
            Supplier<DeskRepositories> repositories,
            TransactionManager transactions,
            IdempotentRequests idempotentRequests,
            PaymentWindows paymentWindows,
            AppendedPositions positions,
            List<CorrelationDataProvider> correlationDataProviders,
            AvailabilityBoard board,
            Clock clock,
            Settings settings) {
        this.repositoriesSource = repositories;
        this.transactions = transactions;
        this.idempotentRequests = idempotentRequests;
        this.paymentWindows = paymentWindows;
        this.positions = positions;
        this.correlationDataProviders = List.copyOf(correlationDataProviders);
        this.board = board;
        this.clock = clock;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.worker = Thread.ofPlatform().name("desk").daemon().unstarted(this::run);
    }

    public void start() {
        repositories = repositoriesSource.get();
        worker.start();
    }

    /**
     * Decides the request and waits for its batch to commit. {@link DeskOutcome.Busy} when the queue is full or the
     * request was not taken within the answer budget; it was then withdrawn and changed nothing. While the database
     * cannot be reached, {@link DeskOutcome.Unavailable} instead, and for a batch that could not reach it.
     */
    public <R> DeskOutcome decide(DeskRequest<R> request) {
        Pending<R> pending = new Pending<>(request);
        if (!running) {
            return new DeskOutcome.Busy();
        }
        if (!queue.offer(pending)) {
            return turnedAway();
        }
        try {
            return pending.future.get(settings.answerBudget().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (pending.withdraw()) {
                return turnedAway();
            }
            try {
                return pending.future.join(); // already taken: its batch is being decided, the answer is moments away
            } catch (CompletionException failed) {
                throw new DeskFailure(failed.getCause());
            }
        } catch (ExecutionException e) {
            throw new DeskFailure(e.getCause());
        }
    }

    /** A request that was never decided: the database is away, or too many requests are ahead of it. */
    private DeskOutcome turnedAway() {
        return databaseUnreachable ? new DeskOutcome.Unavailable() : new DeskOutcome.Busy();
    }

    /**
     * For the platform's own work (expiring orders): waits for room in the queue instead of being turned away, and
     * is never withdrawn. The future fails if the batch could not be committed; the work is then to be retried.
     */
    public <R> CompletableFuture<DeskOutcome> submitAndKeep(DeskRequest<R> request) throws InterruptedException {
        Pending<R> pending = new Pending<>(request);
        if (!running) {
            return CompletableFuture.completedFuture(new DeskOutcome.Busy());
        }
        queue.put(pending);
        return pending.future;
    }

    public AvailabilityBoard board() {
        return board;
    }

    /** How many requests are waiting to be taken (a gauge). */
    public int queued() {
        return queue.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.future.complete(new DeskOutcome.Busy()));
    }

    private void run() {
        List<Pending<?>> taken = new ArrayList<>(settings.maxBatchSize());
        List<Pending<?>> batch = new ArrayList<>(settings.maxBatchSize());
        while (running) {
            try {
                taken.add(queue.take());
                queue.drainTo(taken, settings.maxBatchSize() - 1);
                for (Pending<?> pending : taken) {
                    if (pending.take()) {
                        batch.add(pending);
                    }
                }
                if (!batch.isEmpty()) {
                    process(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Throwable e) {
                log.error("Desk batch failed unexpectedly", e);
                batch.forEach(pending -> pending.future.completeExceptionally(e));
            } finally {
                taken.clear();
                batch.clear();
            }
        }
    }

    /** Decides and commits the batch and answers its requests; false if the database could not be reached. */
    private boolean process(List<Pending<?>> batch) {
        Throwable failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            BatchScope committed;
            try {
                committed = decideAndCommit(batch);
            } catch (Throwable e) {
                failure = e;
                board.clear();
                if (DatabaseFaults.isUnavailable(e)) {
                    // retrying would only make every caller wait: answer now, the callers retry with their keys
                    if (!databaseUnreachable) {
                        log.warn("A desk batch could not reach the database; answering unavailable: {}", e.toString());
                    }
                    databaseUnreachable = true;
                    batch.forEach(pending -> pending.future.complete(new DeskOutcome.Unavailable()));
                    return false;
                }
                log.warn("Desk batch of {} failed (attempt {}): {}", batch.size(), attempt, e.toString());
                continue;
            }
            if (databaseUnreachable) {
                databaseUnreachable = false;
                log.info("The desk commits again");
            }
            updateBoard(committed);
            batch.forEach(Pending::complete);
            return true;
        }
        if (batch.size() > 1) {
            // one bad request must not sink the others: try each on its own (unless the database went away)
            boolean reachable = true;
            for (Pending<?> pending : batch) {
                if (reachable) {
                    reachable = process(List.of(pending));
                } else {
                    pending.future.complete(new DeskOutcome.Unavailable());
                }
            }
            return reachable;
        }
        Throwable cause = failure;
        batch.forEach(pending -> pending.future.completeExceptionally(cause));
        return true;
    }

    /** Decides every request of the batch and commits them together; returns what the batch changed. */
    private BatchScope decideAndCommit(List<Pending<?>> batch) {
        batch.forEach(Pending::reset);
        UnitOfWork<?> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(new DeskBatch(batch.size())));
        correlationDataProviders.forEach(unitOfWork::registerCorrelationDataProvider);
        try (AppendedPositions.Tracking appended = positions.track()) {
            unitOfWork.attachTransaction(transactions);
            BatchScope scope = new BatchScope(repositories, clock);
            // only keys that may have been used before are looked up: a fresh order's key costs no query
            Map<Key, RecordedResponse> seen = new HashMap<>(idempotentRequests.findAll(batch.stream()
                    .map(pending -> pending.request.idempotencyKey())
                    .filter(key -> key != null && idempotentRequests.mightHaveRecorded(key))
                    .toList()));
            Map<Key, Pending<?>> decidedHere = new HashMap<>();
            for (Pending<?> pending : batch) {
                Key key = pending.request.idempotencyKey();
                RecordedResponse earlier = key == null ? null : seen.get(key);
                if (earlier != null) {
                    if (!Arrays.equals(earlier.requestHash(), pending.request.fingerprint())) {
                        pending.outcome = new DeskOutcome.KeyReused();
                    } else if (decidedHere.containsKey(key)) {
                        pending.replays = decidedHere.get(key); // answered once the batch's position is known
                    } else {
                        pending.outcome = new DeskOutcome.Replayed(earlier);
                    }
                    continue;
                }
                unitOfWork.transformMessage(batchMessage -> pending.message());
                pending.decideAndApply(scope);
                if (key != null) {
                    seen.put(key, pending.response);
                    decidedHere.put(key, pending);
                }
            }
            paymentWindows.openAll(scope.windowsOpened());
            paymentWindows.closeAll(scope.windowsClosed());
            // The batch's events are inserted as the unit of work prepares to commit (the event bus registered that
            // step when the first event was applied, and the steps run in order): after it, the position of the last
            // event is known, and the answers name it before they are recorded, in the same transaction.
            unitOfWork.onPrepareCommit(prepared -> answerAndRecord(batch, appended.last()));
            unitOfWork.commit();
            return scope;
        } catch (Throwable e) {
            if (unitOfWork.isActive()) {
                try {
                    unitOfWork.rollback(e);
                } catch (Throwable rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        }
    }

    /** The answers of the requests decided in this batch, naming the batch's position if they changed something. */
    private void answerAndRecord(List<Pending<?>> batch, long position) {
        Map<Key, RecordedResponse> toRecord = new LinkedHashMap<>();
        for (Pending<?> pending : batch) {
            if (pending.response == null) {
                continue; // not decided here: replayed, or its key reused
            }
            if (pending.changed && position != AppendedPositions.NONE) {
                pending.response = pending.response.withPosition(position);
            }
            pending.outcome = new DeskOutcome.Answered(pending.response);
            Key key = pending.request.idempotencyKey();
            if (key != null) {
                toRecord.put(key, pending.response);
            }
        }
        for (Pending<?> pending : batch) {
            if (pending.replays != null) {
                pending.outcome = new DeskOutcome.Replayed(pending.replays.response);
            }
        }
        idempotentRequests.recordAll(toRecord);
    }

    /**
     * After the commit, the answers stand: a failure to note the batch on the board must not make it look failed
     * (its retry would decide requests without a key twice). An empty board only costs the desk more requests.
     */
    private void updateBoard(BatchScope committed) {
        try {
            committed.changedStreams().forEach(stream -> stream.execute(board::update));
            committed.changedInventories().forEach(inventory -> inventory.execute(board::update));
        } catch (Throwable e) {
            log.error("Noting a committed batch on the availability board failed; the board starts afresh", e);
            board.clear();
        }
    }

    /**
     * @param maxBatchSize most requests decided and committed together
     * @param queueCapacity most requests waiting; beyond it requests are answered busy at once
     * @param answerBudget how long a caller waits for its request to be taken before it is withdrawn (busy)
     */
    public record Settings(int maxBatchSize, int queueCapacity, Duration answerBudget) {

        public Settings {
            if (maxBatchSize < 1 || queueCapacity < 1 || answerBudget.isNegative() || answerBudget.isZero()) {
                throw new IllegalArgumentException("desk settings must be positive");
            }
        }
    }

    /** The message of a whole batch; each request's own message takes its place while it is decided. */
    record DeskBatch(int size) {}

    /** The desk could not commit the request (a fault, not a rule): nothing of it was committed. */
    public static final class DeskFailure extends RuntimeException {
        DeskFailure(Throwable cause) {
            super("the desk could not commit the request", cause);
        }
    }

    private static final class Pending<R> {

        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int WITHDRAWN = 2;

        private final DeskRequest<R> request;
        private final CompletableFuture<DeskOutcome> future = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private CommandMessage<?> message;
        private DeskOutcome outcome;
        /** The answer decided in this batch attempt. */
        private RecordedResponse response;
        /** Whether its decision changed anything (its answer then names the batch's position). */
        private boolean changed;
        /** An earlier request of the same batch with the same key and request: this one gets its answer. */
        private Pending<?> replays;

        Pending(DeskRequest<R> request) {
            this.request = request;
        }

        /** The desk takes it, unless its caller gave up first. */
        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        /** The caller gives up, unless the desk took it first. */
        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }

        CommandMessage<?> message() {
            if (message == null) {
                message = GenericCommandMessage.asCommandMessage(request.command())
                        .andMetaData(request.auditMetaData());
            }
            return message;
        }

        /** Decides on the read-only state; only an accepted decision is applied. */
        void decideAndApply(BatchScope scope) {
            Decision<R> decision;
            try {
                decision = request.useCase().decide(scope);
            } catch (BusinessRuleViolation violation) {
                response = withFingerprint(request.renderer().rejection(violation));
                return;
            }
            try {
                decision.changes().applyTo(scope);
            } catch (BusinessRuleViolation violation) {
                throw new IllegalStateException(
                        "rule broken while applying a decision: " + violation.code(), violation);
            }
            changed = !decision.changesNothing();
            response = withFingerprint(request.renderer().success(decision.result()));
        }

        private RecordedResponse withFingerprint(RecordedResponse response) {
            byte[] fingerprint = request.fingerprint() == null ? new byte[0] : request.fingerprint();
            return new RecordedResponse(
                    fingerprint, response.status(), response.contentType(), response.location(), response.body());
        }

        void reset() {
            outcome = null;
            response = null;
            changed = false;
            replays = null;
        }

        void complete() {
            future.complete(outcome);
        }
    }
}
