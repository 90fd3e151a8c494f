package io.livechain.sales.projection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.query.FindSellOuts;
import io.livechain.sales.query.SellOutClock;
import io.livechain.sales.query.SellOuts;
import io.livechain.shared.LiveStreamId;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * When each offer of a live stream sold out, from the stream's own events (a {@link SellOutClock}): no read model
 * holds it, and the events know it exactly, also for streams that sold out before anyone asked. The first question
 * about a stream reads its events from the start, by its identifier, as an aggregate is loaded; the clock is then
 * kept for a while, and each later question reads only the events stored since. A war room asks once a second, so
 * during a burst that is the second's admissions, not the whole sale again.
 */
@Component
public class SellOutTimes {

    private final EventStorageEngine events;
    private final Cache<LiveStreamId, Tally> tallies = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public SellOutTimes(EventStorageEngine events) {
        this.events = events;
    }

    /** Empty when the stream is unknown or another merchant's. */
    @QueryHandler
    Optional<SellOuts> handle(FindSellOuts query) {
        Tally tally = tallies.get(query.liveStreamId(), any -> new Tally());
        synchronized (tally) {
            tally.catchUp(query.liveStreamId());
            return tally.clock.sellOuts(query.merchantId());
        }
    }

    /** A stream's clock and the sequence number of the next of its events to read. */
    private final class Tally {

        private final SellOutClock clock = new SellOutClock();
        private long next;

        void catchUp(LiveStreamId liveStreamId) {
            DomainEventStream stream = events.readEvents(liveStreamId.toString(), next);
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                if (event.getPayload() instanceof LiveStreamEvent streamEvent) {
                    clock.apply(streamEvent, event.getTimestamp());
                }
                next = event.getSequenceNumber() + 1;
            }
        }
    }
}
