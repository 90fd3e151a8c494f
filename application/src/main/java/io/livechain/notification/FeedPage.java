package io.livechain.notification;

import java.util.List;

/**
 * What one read of the feed found for one recipient, and where to read on from.
 *
 * @param next the cursor after the last event read (events without a notification for the recipient included)
 * @param eventsRead how many stored events were read: fewer than asked means the reader is at the head
 */
public record FeedPage(List<FeedEntry> entries, FeedCursor next, int eventsRead) {

    public FeedPage {
        entries = List.copyOf(entries);
    }
}
