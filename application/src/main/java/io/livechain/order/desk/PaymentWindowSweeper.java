package io.livechain.order.desk;

import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.audit.AuditMetadata;
import io.livechain.desk.Desk;
import io.livechain.desk.DeskOutcome;
import io.livechain.desk.DeskRequest;
import io.livechain.desk.PaymentWindows;
import io.livechain.order.command.ExpireOrder;
import io.livechain.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes payment windows when they are due: every due window becomes an {@link OrderExpiry} at the desk, which
 * expires the unpaid order and gives its units back in one commit, and removes the window. A window stays until
 * that commit succeeded, so an expiry is never lost to a busy desk or a crash: the next sweep takes it again.
 * The platform is the actor ({@code SYSTEM}).
 */
public final class PaymentWindowSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaymentWindowSweeper.class);
    private static final RecordedResponse DONE = new RecordedResponse(null, 200, null, null, new byte[0]);

    private final PaymentWindows windows;
    private final Desk desk;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private final Thread worker;
    private volatile boolean running = true;

    public PaymentWindowSweeper(PaymentWindows windows, Desk desk, Clock clock, Duration interval, int batchSize) {
        this.windows = windows;
        this.desk = desk;
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
        this.worker = Thread.ofPlatform().name("payment-windows").daemon().unstarted(this::run);
    }

    public void start() {
        worker.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** One sweep: expires what is due now; returns how many windows were due. */
    public int sweep() throws InterruptedException {
        List<PaymentWindows.Window> due = windows.dueBy(clock.instant(), batchSize);
        List<CompletableFuture<DeskOutcome>> expiries = new ArrayList<>(due.size());
        for (PaymentWindows.Window window : due) {
            expiries.add(desk.submitAndKeep(expiry(window)));
        }
        for (CompletableFuture<DeskOutcome> expiry : expiries) {
            try {
                expiry.join();
            } catch (RuntimeException e) {
                log.warn("An order's expiry failed; it is retried at the next sweep: {}", e.toString());
            }
        }
        return due.size();
    }

    private void run() {
        while (running) {
            try {
                if (sweep() < batchSize) {
                    Thread.sleep(interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Sweeping payment windows failed; retrying in {}: {}", interval, e.toString());
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static DeskRequest<Boolean> expiry(PaymentWindows.Window window) {
        Map<String, Object> audit = AuditMetadata.ofThePlatform("payment-window");
        return new DeskRequest<>(
                new ExpireOrder(window.orderId(), window.dueAt()),
                audit,
                null,
                null,
                new OrderExpiry(window.orderId()),
                new DeskRequest.Renderer<>() {
                    @Override
                    public RecordedResponse success(Boolean expired) {
                        return DONE;
                    }

                    @Override
                    public RecordedResponse rejection(BusinessRuleViolation violation) {
                        throw violation; // an expiry breaks no rule; if one does, the window stays and is retried
                    }
                });
    }
}
