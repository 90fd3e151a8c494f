package io.livechain.notification;

import java.util.List;

/**
 * What one read of the feed found for one recipient, and where to read on from.
 *
 * @param found the notifications, oldest first, each with the cursor to resume from to read it again
 * @param next the cursor after the last event read (events without a notification for the recipient included)
 * @param eventsRead how many stored events were read: fewer than asked means the reader is at the head
 */
public record FeedPage(List<Found> found, FeedCursor next, int eventsRead) {

    public FeedPage {
        found = List.copyOf(found);
    }

    /** The notifications alone. */
    public List<FeedEntry> entries() {
        return found.stream().map(Found::entry).toList();
    }

    /**
     * A notification and the cursor just before its event: a reader that stops before delivering it resumes from
     * {@code before} (and is handed it, and any other notification of the same event, again).
     */
    public record Found(FeedEntry entry, FeedCursor before) {}
}
