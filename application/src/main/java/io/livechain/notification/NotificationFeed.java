package io.livechain.notification;

import io.livechain.participant.ParticipantKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Reads the notifications for one participant from any position of the event store: the stored events, in the
 * order of their global index, read through Axon's storage engine with a gap-aware tracking token (so older event
 * shapes are upcast, and an event whose transaction was still in flight when it was passed is read once it lands),
 * each turned into notifications by {@link EventNotifications} and kept if the participant is in their audience.
 *
 * <p>The feed stops before the first event the read models have not handled yet ({@link ReadModelsProgress}), so
 * it runs a little behind them. Nothing is lost by reading again: the same event always makes the same
 * notifications with the same ids, so a reader that rewinds, or resumes from a stored cursor after a crash, tells
 * its receiver what it told before under the same ids (at least once).
 */
public final class NotificationFeed {

    private final EventStorageEngine events;
    private final EventNotifications notifications;
    private final ReadModelsProgress readModels;
    private final AggregateFacts facts;

    public NotificationFeed(
            EventStorageEngine events,
            EventNotifications notifications,
            ReadModelsProgress readModels,
            AggregateFacts facts) {
        this.events = events;
        this.notifications = notifications;
        this.readModels = readModels;
        this.facts = facts;
    }

    /** The participant as the feed knows it: a courier with the zones of its registration, anyone else by its id. */
    public Recipient recipient(UUID participantId) {
        return facts.participant(participantId)
                .map(registered -> new Recipient(
                        participantId,
                        registered.kind() == ParticipantKind.COURIER,
                        Set.copyOf(registered.zones() == null ? List.of() : registered.zones())))
                .orElseGet(() -> new Recipient(participantId, false, Set.of()));
    }

    /**
     * Reads at most {@code maxEvents} stored events after {@code after} and returns the notifications among them
     * for {@code recipient} whose type is in {@code types} (all types when empty), oldest first.
     */
    public FeedPage read(FeedCursor after, Recipient recipient, Set<String> types, int maxEvents) {
        return read(
                after,
                entry -> (types.isEmpty() || types.contains(entry.type()))
                        && entry.audience().includes(recipient),
                maxEvents);
    }

    /**
     * Reads at most {@code maxEvents} stored events after {@code after} and returns every notification among them,
     * whatever its audience, oldest first: for one reader that hands each to the recipients it serves (the event
     * streams read the feed once for all their subscribers).
     */
    public FeedPage readAll(FeedCursor after, int maxEvents) {
        return read(after, entry -> true, maxEvents);
    }

    private FeedPage read(FeedCursor after, Predicate<FeedEntry> wanted, int maxEvents) {
        List<FeedPage.Found> found = new ArrayList<>();
        FeedCursor cursor = after;
        int read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(after.token(), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stored.iterator();
            while (read < maxEvents && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                TrackingToken token = event.trackingToken();
                long position = token.position().orElseThrow();
                if (!readModels.handled(position)) {
                    break;
                }
                for (FeedEntry entry : notifications.map(event, position)) {
                    if (wanted.test(entry)) {
                        found.add(new FeedPage.Found(entry, cursor));
                    }
                }
                cursor = FeedCursor.of(token);
                read++;
            }
        }
        return new FeedPage(found, cursor, read);
    }

    /** The position of the newest stored event (-1: none yet). */
    public long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
