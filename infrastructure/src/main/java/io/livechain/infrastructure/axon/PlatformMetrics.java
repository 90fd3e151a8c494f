package io.livechain.infrastructure.axon;

import io.livechain.desk.Desk;
import io.livechain.operations.SetAsideEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What an operator watches during a sale, read when scraped and never on a hot thread: how many events each event
 * processor is behind the head of the event store ({@code livechain.events.behind}, the read models' lag), and how
 * many requests wait at the desk ({@code livechain.desk.queued}), and how many events the read models set aside
 * ({@code livechain.events.set.aside.waiting}).
 */
@Component
public class PlatformMetrics {

    private final MeterRegistry meters;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Desk desk;
    private final SetAsideEvents setAsideEvents;

    public PlatformMetrics(
            MeterRegistry meters,
            EventProcessingConfiguration processing,
            EventStore eventStore,
            Desk desk,
            SetAsideEvents setAsideEvents) {
        this.meters = meters;
        this.processing = processing;
        this.eventStore = eventStore;
        this.desk = desk;
        this.setAsideEvents = setAsideEvents;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        Gauge.builder("livechain.desk.queued", desk, Desk::queued)
                .description("requests waiting to be decided by the desk")
                .register(meters);
        Gauge.builder("livechain.events.set.aside.waiting", setAsideEvents, SetAsideEvents::count)
                .description("events set aside by the read models, waiting for an operator to replay them")
                .baseUnit("events")
                .register(meters);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("livechain.events.behind", streaming, this::eventsBehind)
                        .description("events stored that this event processor has not handled yet")
                        .tag("processor", name)
                        .baseUnit("events")
                        .register(meters);
            }
        });
    }

    private double eventsBehind(StreamingEventProcessor processor) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.of(0) : head.position();
        long slowest = processor.processingStatus().values().stream()
                .map(status -> status.getCurrentPosition())
                .mapToLong(position -> position.orElse(0))
                .min()
                .orElse(0);
        return Math.max(0, headPosition.orElse(0) - slowest);
    }
}
