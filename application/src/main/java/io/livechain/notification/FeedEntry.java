package io.livechain.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification made from one stored event.
 *
 * @param id stable: the same event always gives the same id for the same type, however often it is read (a
 *     receiver de-duplicates by it)
 * @param position the event's global index in the event store: where to rewind to
 * @param occurredAt when the event was stored
 * @param eventId the stored event's identifier (the {@code eventId} of the order's timeline)
 */
public record FeedEntry(
        String id, long position, Instant occurredAt, UUID eventId, Notification notification, Audience audience) {

    public FeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(audience, "audience");
    }

    public String type() {
        return notification.type();
    }

    /** The stable id of the notification of {@code type} made from the event {@code eventId}. */
    public static String idOf(String eventId, String type) {
        return UUID.nameUUIDFromBytes((eventId + '\u001f' + type).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
