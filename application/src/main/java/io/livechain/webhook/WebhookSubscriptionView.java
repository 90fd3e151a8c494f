package io.livechain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as its participant sees it (never its secret).
 *
 * @param position where delivery stands: every notification up to this position of the event store was delivered
 *     (or was not for this subscription); -1 before the first event
 * @param consecutiveFailures failed attempts since the last delivery
 * @param nextAttemptAt when the next attempt is due, while it is failing
 */
public record WebhookSubscriptionView(
        UUID id,
        String url,
        List<String> eventTypes,
        String status,
        Instant createdAt,
        long position,
        int consecutiveFailures,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastDeliveredAt,
        @Nullable Instant disabledAt,
        @Nullable String disabledReason) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
}
