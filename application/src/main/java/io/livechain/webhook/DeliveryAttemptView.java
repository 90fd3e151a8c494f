package io.livechain.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a notification.
 *
 * @param notificationId the notification's stable id (its {@code webhook-id})
 * @param attempt which attempt at this notification in a row (1: the first)
 * @param outcome {@code DELIVERED} (the receiver answered 2xx) or {@code FAILED}
 * @param statusCode the receiver's HTTP status, if it answered
 * @param error why it failed, if it did (no answer in time, refused, a non-2xx status...)
 */
public record DeliveryAttemptView(
        long id,
        String notificationId,
        String type,
        long position,
        int attempt,
        Instant attemptedAt,
        String outcome,
        @Nullable Integer statusCode,
        @Nullable String error,
        int durationMillis) {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
