package io.livechain.webhook.store;

import static io.livechain.infrastructure.jooq.webhook.Tables.DELIVERY_ATTEMPT;
import static io.livechain.infrastructure.jooq.webhook.Tables.SUBSCRIPTION;

import io.livechain.infrastructure.jooq.webhook.tables.records.DeliveryAttemptRecord;
import io.livechain.infrastructure.jooq.webhook.tables.records.SubscriptionRecord;
import io.livechain.notification.FeedCursor;
import io.livechain.notification.NotificationFeed;
import io.livechain.shared.InvalidField;
import io.livechain.webhook.DeliveryAttemptView;
import io.livechain.webhook.DeliveryLog;
import io.livechain.webhook.InvalidDeliveryCursor;
import io.livechain.webhook.IssuedSubscription;
import io.livechain.webhook.NewSubscription;
import io.livechain.webhook.Redelivery;
import io.livechain.webhook.SecretRotation;
import io.livechain.webhook.TooManySubscriptions;
import io.livechain.webhook.WebhookSecret;
import io.livechain.webhook.WebhookSubscriptionView;
import io.livechain.webhook.WebhookSubscriptions;
import io.livechain.webhook.WebhookTargets;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions and their delivery log in the {@code webhook} schema. The secret is stored encrypted
 * ({@link SecretCipher}: an HMAC needs the secret itself, so it cannot be hashed), never logged, never put in an event,
 * and shown only in the answers that issue it.
 */
public class JooqWebhookSubscriptions implements WebhookSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(JooqWebhookSubscriptions.class);

    private final DSLContext db;
    private final WebhookTargets targets;
    private final NotificationFeed feed;
    private final SecretCipher cipher;
    private final Clock clock;

    public JooqWebhookSubscriptions(
            DSLContext db, WebhookTargets targets, NotificationFeed feed, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.targets = targets;
        this.feed = feed;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public IssuedSubscription subscribe(NewSubscription request) {
        URI url = targets.checkSubscribed(request.url(), NewSubscription.URL_FIELD);
        int held = db.fetchCount(SUBSCRIPTION, SUBSCRIPTION.PARTICIPANT_ID.eq(request.participantId()));
        if (held >= MAX_PER_PARTICIPANT) {
            throw new TooManySubscriptions(MAX_PER_PARTICIPANT);
        }
        WebhookSecret secret = WebhookSecret.generate();
        OffsetDateTime now = now();
        UUID id = UUID.randomUUID();
        SubscriptionRecord row = db.newRecord(SUBSCRIPTION);
        row.setId(id);
        row.setParticipantId(request.participantId());
        row.setUrl(url.toString());
        row.setEventTypes(request.eventTypes().toArray(String[]::new));
        row.setSecret(cipher.encrypt(id, secret));
        row.setStatus(WebhookSubscriptionView.ACTIVE);
        row.setCreatedAt(now);
        // from now on: the events stored from here
        row.setCursorIndex(feed.head());
        row.setCursorGaps(new Long[0]);
        row.setNextAttemptAt(now);
        row.setConsecutiveFailures(0);
        row.setVersion(0L);
        row.store();
        return new IssuedSubscription(toView(row), secret, null);
    }

    @Override
    public List<WebhookSubscriptionView> of(UUID participantId) {
        return db.selectFrom(SUBSCRIPTION)
                .where(SUBSCRIPTION.PARTICIPANT_ID.eq(participantId))
                .orderBy(SUBSCRIPTION.CREATED_AT, SUBSCRIPTION.ID)
                .fetch(JooqWebhookSubscriptions::toView);
    }

    @Override
    public Optional<WebhookSubscriptionView> find(UUID participantId, UUID subscriptionId) {
        return row(participantId, subscriptionId).map(JooqWebhookSubscriptions::toView);
    }

    @Override
    public boolean unsubscribe(UUID participantId, UUID subscriptionId) {
        return db.deleteFrom(SUBSCRIPTION)
                        .where(SUBSCRIPTION.ID.eq(subscriptionId))
                        .and(SUBSCRIPTION.PARTICIPANT_ID.eq(participantId))
                        .execute()
                > 0;
    }

    @Override
    public Optional<IssuedSubscription> rotateSecret(SecretRotation rotation) {
        return row(rotation.participantId(), rotation.subscriptionId()).map(row -> {
            WebhookSecret secret = WebhookSecret.generate();
            Instant until = clock.instant().plus(rotation.gracePeriod());
            UUID id = row.getId();
            // the previous secret is encrypted again: with the current key, if the stored one had an earlier key
            String previous = rotation.gracePeriod().isZero() ? null : previous(id, row.getSecret());
            boolean graceful = previous != null;
            row.setPreviousSecret(previous);
            row.setPreviousSecretUntil(graceful ? until.atOffset(ZoneOffset.UTC) : null);
            row.setSecret(cipher.encrypt(id, secret));
            row.store();
            return new IssuedSubscription(toView(row), secret, graceful ? until : null);
        });
    }

    /** The stored secret encrypted again, or none if no configured key reads it (then it cannot sign anyway). */
    private @Nullable String previous(UUID id, String stored) {
        try {
            return cipher.encrypt(id, cipher.decrypt(id, stored));
        } catch (SecretCipher.UnreadableSecret unreadable) {
            log.warn("{}: rotated without a grace period", unreadable.getMessage());
            return null;
        }
    }

    @Override
    public Optional<DeliveryLog> deliveries(
            UUID participantId, UUID subscriptionId, @Nullable String cursor, int limit) {
        if (row(participantId, subscriptionId).isEmpty()) {
            return Optional.empty();
        }
        long before = cursor == null ? Long.MAX_VALUE : decode(cursor);
        List<DeliveryAttemptView> items = new ArrayList<>(db.selectFrom(DELIVERY_ATTEMPT)
                .where(DELIVERY_ATTEMPT.SUBSCRIPTION_ID.eq(subscriptionId))
                .and(DELIVERY_ATTEMPT.ID.lt(before))
                .orderBy(DELIVERY_ATTEMPT.ID.desc())
                .limit(limit + 1)
                .fetch(JooqWebhookSubscriptions::toView));
        String next = null;
        if (items.size() > limit) {
            items.removeLast();
            next = Long.toString(items.getLast().id());
        }
        return Optional.of(new DeliveryLog(items, next));
    }

    @Override
    public Optional<WebhookSubscriptionView> redeliver(Redelivery redelivery) {
        return row(redelivery.participantId(), redelivery.subscriptionId()).map(row -> {
            InvalidField.require(
                    redelivery.fromPosition() <= row.getCursorIndex() + 1,
                    Redelivery.FROM_POSITION_FIELD,
                    "must not be after the subscription's position + 1 (" + (row.getCursorIndex() + 1) + ")");
            FeedCursor rewound = FeedCursor.from(redelivery.fromPosition());
            row.setCursorIndex(rewound.index());
            row.setCursorGaps(new Long[0]);
            row.setVersion(row.getVersion() + 1);
            row.setConsecutiveFailures(0);
            row.setFailingSince(null);
            row.setNextAttemptAt(now());
            row.setStatus(WebhookSubscriptionView.ACTIVE);
            row.setDisabledAt(null);
            row.setDisabledReason(null);
            row.store();
            return toView(row);
        });
    }

    private Optional<SubscriptionRecord> row(UUID participantId, UUID subscriptionId) {
        return db.selectFrom(SUBSCRIPTION)
                .where(SUBSCRIPTION.ID.eq(subscriptionId))
                .and(SUBSCRIPTION.PARTICIPANT_ID.eq(participantId))
                .fetchOptional();
    }

    private static long decode(String cursor) {
        try {
            long id = Long.parseLong(cursor);
            if (id < 1) {
                throw new InvalidDeliveryCursor();
            }
            return id;
        } catch (NumberFormatException notOurs) {
            throw new InvalidDeliveryCursor();
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static WebhookSubscriptionView toView(SubscriptionRecord row) {
        boolean failing = row.getConsecutiveFailures() > 0;
        return new WebhookSubscriptionView(
                row.getId(),
                row.getUrl(),
                Arrays.asList(row.getEventTypes()),
                row.getStatus(),
                row.getCreatedAt().toInstant(),
                row.getCursorIndex(),
                row.getConsecutiveFailures(),
                failing && WebhookSubscriptionView.ACTIVE.equals(row.getStatus())
                        ? row.getNextAttemptAt().toInstant()
                        : null,
                instant(row.getLastDeliveredAt()),
                instant(row.getDisabledAt()),
                row.getDisabledReason());
    }

    private static DeliveryAttemptView toView(DeliveryAttemptRecord row) {
        return new DeliveryAttemptView(
                row.getId(),
                row.getNotificationId(),
                row.getType(),
                row.getPosition(),
                row.getAttempt(),
                row.getAttemptedAt().toInstant(),
                row.getOutcome(),
                row.getStatusCode(),
                row.getError(),
                row.getDurationMillis());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
