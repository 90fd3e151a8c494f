package io.livechain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.notification.Notification.StreamFigures;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class StreamFiguresCounterTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final LiveStreamId stream = LiveStreamId.random();
    private final List<LiveStreamEvent> history = new ArrayList<>();

    @Test
    void a_flash_sale_is_told_at_each_hundredth_of_an_offer_and_when_it_sells_out() {
        // given a stream on air offering 300 units
        Instant at = Instant.parse("2026-11-30T19:00:00Z");
        store(new LiveStreamScheduled(
                stream,
                ParticipantId.random(),
                "Drop",
                at,
                at.plusSeconds(3600),
                30,
                List.of(new OfferTerms("LIP", new BigDecimal("9.90"), 300, 5, false))));
        store(new LiveStreamStarted(stream));

        // when 300 buyers each are admitted a unit, read by one reader going forward
        StreamFiguresCounter counter = new StreamFiguresCounter(storage, 100);
        List<Integer> told = new ArrayList<>();
        told(counter, 0).ifPresent(figures -> told.add(-1));
        told(counter, 1).ifPresent(figures -> told.add(-1));
        for (int buyer = 1; buyer <= 300; buyer++) {
            store(admitted(buyer, 1));
            told(counter, history.size() - 1).ifPresent(figures -> told.add(admitted(figures)));
        }

        // then scheduling and going on air are told, then every third unit (a hundredth), the last one selling out
        assertThat(told.subList(0, 2)).containsExactly(-1, -1);
        assertThat(told.subList(2, told.size())).hasSize(100).allMatch(units -> units % 3 == 0);
        assertThat(told.getLast()).isEqualTo(300);

        // and units coming back are told at once, and a reader rewinding into the middle tells the same admissions
        store(new OrderUnitsReturned(
                stream, OrderId.random(), "buyer-1", List.of(new RequestedLine("LIP", 1)), "CANCELLED"));
        assertThat(told(counter, history.size() - 1).map(StreamFiguresCounterTest::admitted))
                .contains(299);
        // (the k-th admission is the event 1 + k: the 6th unit reaches 2% and is told, the 7th does not reach 3%)
        StreamFiguresCounter rewound = new StreamFiguresCounter(storage, 100);
        assertThat(told(rewound, 1 + 7)).isEmpty();
        assertThat(told(new StreamFiguresCounter(storage, 100), 1 + 6).map(StreamFiguresCounterTest::admitted))
                .contains(6);
    }

    private OrderAdmitted admitted(int buyer, int units) {
        return new OrderAdmitted(stream, OrderId.random(), "buyer-" + buyer, List.of(new RequestedLine("LIP", units)));
    }

    private static int admitted(StreamFigures figures) {
        return figures.offers().getFirst().admitted();
    }

    private Optional<StreamFigures> told(StreamFiguresCounter counter, int sequence) {
        return counter.after(history.get(sequence), sequence);
    }

    private void store(LiveStreamEvent event) {
        storage.appendEvents(
                List.of(new GenericDomainEventMessage<>("LiveStream", stream.toString(), history.size(), event)));
        history.add(event);
    }
}
