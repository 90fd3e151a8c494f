package io.livechain.infrastructure.projection;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * One aggregate's stored events up to a moment, for the questions asked "as of" an instant. They are read through
 * Axon's storage engine, exactly as an aggregate is loaded (by its identifier, in sequence order, on the event
 * table's unique index, in batches) and upcast the same way, so an event stored in an older shape is read as today's
 * record; unlike loading an aggregate, no snapshot is used, because a snapshot knows only its own moment.
 *
 * <p>The history ends before the first event stamped after the moment: an aggregate's events are stamped as they
 * are decided, one after the other, so what is read is always a whole prefix of the aggregate's history (a state it
 * really was in), and no batch after the moment's is fetched.
 */
@Component
public class AggregateHistory {

    private final EventStorageEngine events;

    public AggregateHistory(EventStorageEngine events) {
        this.events = events;
    }

    /**
     * Hands each event of the aggregate stamped at or before {@code asOf} that belongs to {@code family} to
     * {@code fold}, oldest first; returns how many there were (none: the aggregate did not exist yet).
     */
    public <E> int replay(Object aggregateId, Instant asOf, Class<E> family, Consumer<? super E> fold) {
        int[] count = {0};
        try (Stream<? extends DomainEventMessage<?>> history =
                events.readEvents(aggregateId.toString()).asStream()) {
            history.takeWhile(event -> !event.getTimestamp().isAfter(asOf))
                    .map(DomainEventMessage::getPayload)
                    .filter(family::isInstance)
                    .forEach(payload -> {
                        count[0]++;
                        fold.accept(family.cast(payload));
                    });
        }
        return count[0];
    }
}
