package io.livechain.notification;

import io.livechain.notification.Notification.StreamFigures;
import io.livechain.notification.Notification.StreamFigures.OfferFigures;
import io.livechain.sales.LiveStreamStatus;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * A live stream's figures as of one of its events, counted from the stream's own events: each offer's units
 * admitted (less those that came back) and remaining. Figures are remembered per (stream, sequence number), so a
 * reader going forward counts each event once; one that starts in the middle of a stream (a rewind) counts the
 * stream's events up to there once.
 *
 * <p>A flash sale admits thousands of orders a minute, and a merchant does not want thousands of figures: an
 * admission is told only when it takes an offer past a whole {@value #STEPS}th of its quantity, or sells it out. Going
 * on air, off it, and units coming back are always told. Which admissions are told follows from the events alone, so
 * a rewind tells the same ones.
 */
public final class StreamFiguresCounter {

    /** An offer's admissions are told in this many steps of its quantity, at most (and when it sells out). */
    static final int STEPS = 100;

    private final EventStorageEngine events;
    private final Map<String, Figures> remembered;

    public StreamFiguresCounter(EventStorageEngine events, int remembered) {
        this.events = events;
        this.remembered = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Figures> eldest) {
                return size() > remembered;
            }
        };
    }

    /** The figures right after {@code event}, the {@code sequence}-th event of its stream. */
    public Optional<StreamFigures> after(LiveStreamEvent event, long sequence) {
        String streamId = event.liveStreamId().toString();
        Figures before = sequence == 0 ? Figures.NONE : recall(streamId, sequence - 1);
        if (before == null) {
            before = count(streamId, sequence - 1);
        }
        Figures after = before.apply(event);
        remember(streamId, sequence, after);
        return event instanceof OrderAdmitted && !after.steppedFrom(before) ? Optional.empty() : after.toNotification();
    }

    private Figures count(String streamId, long upTo) {
        Figures figures = Figures.NONE;
        try (Stream<? extends DomainEventMessage<?>> history =
                events.readEvents(streamId, 0).asStream()) {
            var stored = history.iterator();
            while (stored.hasNext()) {
                DomainEventMessage<?> next = stored.next();
                if (next.getSequenceNumber() > upTo) {
                    break;
                }
                if (next.getPayload() instanceof LiveStreamEvent event) {
                    figures = figures.apply(event);
                }
            }
        }
        return figures;
    }

    private Figures recall(String streamId, long sequence) {
        synchronized (remembered) {
            return remembered.get(streamId + '@' + sequence);
        }
    }

    private void remember(String streamId, long sequence, Figures figures) {
        synchronized (remembered) {
            remembered.put(streamId + '@' + sequence, figures);
        }
    }

    /** Immutable: each event gives new figures. */
    private record Figures(LiveStreamScheduled schedule, LiveStreamStatus status, Map<String, Integer> admitted) {

        static final Figures NONE = new Figures(null, null, Map.of());

        Figures apply(LiveStreamEvent event) {
            return switch (event) {
                case LiveStreamScheduled scheduled -> new Figures(scheduled, LiveStreamStatus.SCHEDULED, Map.of());
                case LiveStreamStarted started -> new Figures(schedule, LiveStreamStatus.LIVE, admitted);
                case LiveStreamEnded ended -> new Figures(schedule, LiveStreamStatus.ENDED, admitted);
                case OrderAdmitted order -> add(order.lines(), 1);
                case OrderUnitsReturned back -> add(back.lines(), -1);
            };
        }

        private Figures add(List<RequestedLine> lines, int sign) {
            Map<String, Integer> counts = new LinkedHashMap<>(admitted);
            lines.forEach(line -> counts.merge(line.sku(), sign * line.quantity(), Integer::sum));
            return new Figures(schedule, status, Map.copyOf(counts));
        }

        /** Whether an offer's admitted units moved to another step of its quantity since {@code before}. */
        boolean steppedFrom(Figures before) {
            if (schedule == null) {
                return false;
            }
            return schedule.offers().stream().anyMatch(offer -> step(offer, admitted) != step(offer, before.admitted));
        }

        /** Which of the {@value #STEPS} steps of its quantity the offer's admitted units have reached (all: sold out). */
        private static int step(OfferTerms offer, Map<String, Integer> admitted) {
            long units = Math.max(0, admitted.getOrDefault(offer.sku(), 0));
            return units >= offer.quantity() ? STEPS : (int) (units * STEPS / offer.quantity());
        }

        Optional<StreamFigures> toNotification() {
            if (schedule == null) {
                return Optional.empty();
            }
            List<OfferFigures> offers =
                    schedule.offers().stream().map(this::figuresOf).toList();
            return Optional.of(new StreamFigures(schedule.liveStreamId().value(), status.name(), offers));
        }

        private OfferFigures figuresOf(OfferTerms offer) {
            int units = Math.max(0, admitted.getOrDefault(offer.sku(), 0));
            return new OfferFigures(offer.sku(), offer.quantity(), units, Math.max(0, offer.quantity() - units));
        }
    }
}
