package io.livechain.webhook.store;

import static io.livechain.infrastructure.jooq.webhook.Tables.DELIVERY_ATTEMPT;
import static io.livechain.infrastructure.jooq.webhook.Tables.SUBSCRIPTION;

import io.livechain.infrastructure.jooq.webhook.tables.records.SubscriptionRecord;
import io.livechain.notification.FeedCursor;
import io.livechain.notification.FeedEntry;
import io.livechain.notification.FeedPage;
import io.livechain.notification.Notification;
import io.livechain.notification.NotificationFeed;
import io.livechain.notification.Recipient;
import io.livechain.webhook.DeliveryAttemptView;
import io.livechain.webhook.RetryPolicy;
import io.livechain.webhook.WebhookSecret;
import io.livechain.webhook.WebhookSignature;
import io.livechain.webhook.WebhookSubscriptionView;
import io.livechain.webhook.WebhookTargets;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers every active subscription's notifications, each subscription on its own: it reads the notification feed
 * from its own cursor (a row per subscription) and posts what it finds to its URL one by one, in order, signed.
 * Nothing of this runs on a request's path: orders are decided and committed without waiting for any receiver, and a
 * slow or dead receiver holds up only its own subscription (its deliveries wait; the others go on).
 *
 * <p>A delivery succeeds on a {@code 2xx} answer; anything else (another status, a redirect, no answer in time, a
 * refused target) is a failure: the cursor stays before the notification, and it is tried again after an
 * exponential backoff with jitter ({@link RetryPolicy}), until the subscription is disabled after a long run of
 * failures (logged as a warning, and shown on the subscription). Every attempt is written to the delivery log. A
 * crash between a delivery and the write of its cursor delivers it again, under the same {@code webhook-id}.
 */
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Thread names start with this: the platform's background work draws on the background connection pool. */
    public static final String THREAD_PREFIX = "webhooks-";

    private static final String USER_AGENT = "LiveChain-Webhooks/1";

    private final DSLContext db;
    private final NotificationFeed feed;
    private final WebhookTargets targets;
    private final RetryPolicy retry;
    private final WebhookProperties settings;
    private final JsonMapper json;
    private final SecretCipher cipher;
    private final Clock clock;
    private final HttpClient http;
    private final Set<UUID> underWay = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;

    private volatile boolean running;
    private ScheduledExecutorService poller;
    private ExecutorService deliveries;

    public WebhookDispatcher(
            DSLContext db,
            NotificationFeed feed,
            WebhookTargets targets,
            RetryPolicy retry,
            WebhookProperties settings,
            JsonMapper json,
            SecretCipher cipher,
            Clock clock) {
        this.db = db;
        this.feed = feed;
        this.targets = targets;
        this.retry = retry;
        this.settings = settings;
        this.json = json;
        this.cipher = cipher;
        this.clock = clock;
        this.slots = new Semaphore(Math.max(1, settings.concurrency()));
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    @Override
    public void start() {
        running = true;
        deliveries = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(THREAD_PREFIX + "delivery-", 0).factory());
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(THREAD_PREFIX + "poll").daemon().factory());
        long every = Math.max(10, settings.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        if (deliveries != null) {
            deliveries.shutdown();
            try {
                if (!deliveries.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    deliveries.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                deliveries.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the database and Axon do (they stop at lower phases). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException failure) {
            // the database away, most likely: the next poll tries again
            log.debug("Webhook poll failed: {}", failure.toString());
        }
    }

    /** Starts a run for every due subscription that is not already under way and may have something to deliver. */
    void poll() {
        List<SubscriptionRecord> due = db.selectFrom(SUBSCRIPTION)
                .where(SUBSCRIPTION.STATUS.eq(WebhookSubscriptionView.ACTIVE))
                .and(SUBSCRIPTION.NEXT_ATTEMPT_AT.le(now()))
                .orderBy(SUBSCRIPTION.NEXT_ATTEMPT_AT)
                .limit(1000)
                .fetch();
        if (due.isEmpty()) {
            return; // no subscription is due (none at all, most often): the feed's head is not asked for
        }
        long head = feed.head();
        for (SubscriptionRecord subscription : due) {
            boolean caughtUp = subscription.getCursorIndex() >= head
                    && subscription.getCursorGaps().length == 0
                    && subscription.getConsecutiveFailures() == 0;
            if (caughtUp || !running || !underWay.add(subscription.getId())) {
                continue;
            }
            if (!slots.tryAcquire()) {
                underWay.remove(subscription.getId());
                return; // every slot busy: the next poll
            }
            deliveries.execute(() -> {
                try {
                    deliver(subscription);
                } catch (RuntimeException failure) {
                    log.warn(
                            "Webhook subscription {} could not be served: {}",
                            subscription.getId(),
                            failure.toString());
                } finally {
                    slots.release();
                    underWay.remove(subscription.getId());
                }
            });
        }
    }

    /** One run of one subscription: reads its notifications and delivers them in order until one fails. */
    private void deliver(SubscriptionRecord due) {
        // as it is now: a run that just ended may have moved it since the poll read it
        SubscriptionRecord subscription = db.selectFrom(SUBSCRIPTION)
                .where(SUBSCRIPTION.ID.eq(due.getId()))
                .and(SUBSCRIPTION.STATUS.eq(WebhookSubscriptionView.ACTIVE))
                .and(SUBSCRIPTION.NEXT_ATTEMPT_AT.le(now()))
                .fetchOne();
        if (subscription == null) {
            return;
        }
        Recipient recipient = feed.recipient(subscription.getParticipantId());
        FeedCursor cursor = FeedCursor.of(subscription.getCursorIndex(), Arrays.asList(subscription.getCursorGaps()));
        FeedPage page =
                feed.read(cursor, recipient, Set.of(subscription.getEventTypes()), Math.max(1, settings.batchSize()));
        List<FeedPage.Found> found = page.found();
        int failures = subscription.getConsecutiveFailures();
        for (int i = 0; i < found.size(); i++) {
            if (!running) {
                return;
            }
            FeedEntry entry = found.get(i).entry();
            Attempt attempt = post(subscription, entry, failures + 1);
            if (!attempt.delivered()) {
                failed(subscription, found.get(i).before(), entry, attempt, failures + 1);
                return;
            }
            FeedCursor next = i + 1 < found.size() ? found.get(i + 1).before() : page.next();
            if (!delivered(subscription, next, entry, attempt, failures + 1)) {
                return; // rewound or deleted meanwhile
            }
            failures = 0;
        }
        if (found.isEmpty() && page.eventsRead() > 0) {
            moveTo(subscription, page.next());
        }
    }

    private Attempt post(SubscriptionRecord subscription, FeedEntry entry, int attempt) {
        long started = System.nanoTime();
        URI url = URI.create(subscription.getUrl());
        var refused = targets.refusal(url);
        if (refused.isPresent()) {
            return Attempt.failed(null, refused.get(), started);
        }
        List<WebhookSecret> secrets;
        try {
            secrets = secrets(subscription);
        } catch (SecretCipher.UnreadableSecret unreadable) {
            log.warn("{}", unreadable.getMessage());
            return Attempt.failed(
                    null,
                    "the platform cannot read this subscription's signing secret: rotate it with a grace period of 0",
                    started);
        }
        byte[] body = json.writeValueAsBytes(Payload.of(entry));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID_HEADER, entry.id())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secrets, entry.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is not read: closing it ends the exchange, however much the receiver sends
            response.body().close();
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(true, status, null, millisSince(started));
            }
            String reason = status >= 300 && status < 400
                    ? "HTTP " + status + ": redirects are not followed"
                    : "HTTP " + status;
            return Attempt.failed(status, reason, started);
        } catch (HttpTimeoutException slow) {
            return Attempt.failed(null, "no answer within " + settings.timeout(), started);
        } catch (ConnectException refusedConnection) {
            return Attempt.failed(null, "could not connect", started);
        } catch (IOException broken) {
            return Attempt.failed(
                    null, "connection failed: " + broken.getClass().getSimpleName(), started);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Attempt.failed(null, "interrupted: the platform is stopping", started);
        }
    }

    private List<WebhookSecret> secrets(SubscriptionRecord subscription) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        UUID id = subscription.getId();
        secrets.add(cipher.decrypt(id, subscription.getSecret()));
        OffsetDateTime until = subscription.getPreviousSecretUntil();
        if (subscription.getPreviousSecret() != null
                && until != null
                && until.toInstant().isAfter(clock.instant())) {
            secrets.add(cipher.decrypt(id, subscription.getPreviousSecret()));
        }
        return secrets;
    }

    /** Records a delivery and moves the cursor past it, unless the subscription was rewound or deleted meanwhile. */
    private boolean delivered(
            SubscriptionRecord subscription, FeedCursor next, FeedEntry entry, Attempt attempt, int number) {
        return db.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            int moved = tx.update(SUBSCRIPTION)
                    .set(SUBSCRIPTION.CURSOR_INDEX, next.index())
                    .set(SUBSCRIPTION.CURSOR_GAPS, next.gapList().toArray(Long[]::new))
                    .set(SUBSCRIPTION.CONSECUTIVE_FAILURES, 0)
                    .setNull(SUBSCRIPTION.FAILING_SINCE)
                    .set(SUBSCRIPTION.LAST_DELIVERED_AT, now())
                    .where(SUBSCRIPTION.ID.eq(subscription.getId()))
                    .and(SUBSCRIPTION.VERSION.eq(subscription.getVersion()))
                    .execute();
            log(tx, subscription, entry, attempt, number);
            return moved > 0;
        });
    }

    /** Records a failure: the cursor stays before the notification, which is tried again later or never (disabled). */
    private void failed(
            SubscriptionRecord subscription, FeedCursor before, FeedEntry entry, Attempt attempt, int number) {
        Instant now = clock.instant();
        Instant failingSince = subscription.getFailingSince() == null
                ? now
                : subscription.getFailingSince().toInstant();
        boolean givenUp = retry.givesUp(number, failingSince, now);
        Instant nextAttempt = now.plus(retry.delayAfter(number, ThreadLocalRandom.current()));
        String reason = givenUp
                ? "disabled after " + number + " failed attempts in a row since " + failingSince + "; last: "
                        + attempt.error()
                : null;
        db.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            int changed = tx.update(SUBSCRIPTION)
                    .set(SUBSCRIPTION.CURSOR_INDEX, before.index())
                    .set(SUBSCRIPTION.CURSOR_GAPS, before.gapList().toArray(Long[]::new))
                    .set(SUBSCRIPTION.CONSECUTIVE_FAILURES, number)
                    .set(SUBSCRIPTION.FAILING_SINCE, failingSince.atOffset(ZoneOffset.UTC))
                    .set(SUBSCRIPTION.NEXT_ATTEMPT_AT, nextAttempt.atOffset(ZoneOffset.UTC))
                    .set(
                            SUBSCRIPTION.STATUS,
                            givenUp ? WebhookSubscriptionView.DISABLED : WebhookSubscriptionView.ACTIVE)
                    .set(SUBSCRIPTION.DISABLED_AT, givenUp ? now.atOffset(ZoneOffset.UTC) : null)
                    .set(SUBSCRIPTION.DISABLED_REASON, reason)
                    .where(SUBSCRIPTION.ID.eq(subscription.getId()))
                    .and(SUBSCRIPTION.VERSION.eq(subscription.getVersion()))
                    .execute();
            log(tx, subscription, entry, attempt, number);
            if (givenUp && changed > 0) {
                log.warn(
                        "Webhook subscription {} of participant {} is disabled: {}. The participant resumes it with"
                                + " POST /api/v1/me/webhooks/{}/redeliver",
                        subscription.getId(),
                        subscription.getParticipantId(),
                        reason,
                        subscription.getId());
            }
        });
    }

    private void moveTo(SubscriptionRecord subscription, FeedCursor next) {
        db.update(SUBSCRIPTION)
                .set(SUBSCRIPTION.CURSOR_INDEX, next.index())
                .set(SUBSCRIPTION.CURSOR_GAPS, next.gapList().toArray(Long[]::new))
                .where(SUBSCRIPTION.ID.eq(subscription.getId()))
                .and(SUBSCRIPTION.VERSION.eq(subscription.getVersion()))
                .execute();
    }

    private void log(DSLContext tx, SubscriptionRecord subscription, FeedEntry entry, Attempt attempt, int number) {
        tx.insertInto(
                        DELIVERY_ATTEMPT,
                        DELIVERY_ATTEMPT.SUBSCRIPTION_ID,
                        DELIVERY_ATTEMPT.NOTIFICATION_ID,
                        DELIVERY_ATTEMPT.TYPE,
                        DELIVERY_ATTEMPT.POSITION,
                        DELIVERY_ATTEMPT.ATTEMPT,
                        DELIVERY_ATTEMPT.ATTEMPTED_AT,
                        DELIVERY_ATTEMPT.OUTCOME,
                        DELIVERY_ATTEMPT.STATUS_CODE,
                        DELIVERY_ATTEMPT.ERROR,
                        DELIVERY_ATTEMPT.DURATION_MILLIS)
                .select(DSL.select(
                                DSL.val(subscription.getId()),
                                DSL.val(entry.id()),
                                DSL.val(entry.type()),
                                DSL.val(entry.position()),
                                DSL.val(number),
                                DSL.val(now()),
                                DSL.val(
                                        attempt.delivered()
                                                ? DeliveryAttemptView.DELIVERED
                                                : DeliveryAttemptView.FAILED),
                                DSL.val(attempt.statusCode(), Integer.class),
                                DSL.val(attempt.error(), String.class),
                                DSL.val(attempt.durationMillis()))
                        .whereExists(
                                DSL.selectOne().from(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(subscription.getId()))))
                .execute();
    }

    /** Forgets delivery attempts older than {@code livechain.webhooks.log-retention}; returns how many. */
    public int forgetOldAttempts() {
        return db.deleteFrom(DELIVERY_ATTEMPT)
                .where(DELIVERY_ATTEMPT.ATTEMPTED_AT.lt(
                        clock.instant().minus(settings.logRetention()).atOffset(ZoneOffset.UTC)))
                .execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(
                Integer.MAX_VALUE,
                Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
    }

    private record Attempt(boolean delivered, Integer statusCode, String error, int durationMillis) {
        static Attempt failed(Integer statusCode, String error, long startedNanos) {
            String shortened = error.length() > 500 ? error.substring(0, 500) : error;
            return new Attempt(false, statusCode, shortened, millisSince(startedNanos));
        }
    }

    /**
     * The body of a delivery: the Standard Webhooks envelope ({@code type}, {@code timestamp}, {@code data}), with
     * the notification's stable {@code id} (also the {@code webhook-id} header) and its {@code position} in the event
     * store (to rewind to).
     */
    public record Payload(String id, String type, Instant timestamp, long position, Notification data) {
        static Payload of(FeedEntry entry) {
            return new Payload(entry.id(), entry.type(), entry.occurredAt(), entry.position(), entry.notification());
        }
    }
}
