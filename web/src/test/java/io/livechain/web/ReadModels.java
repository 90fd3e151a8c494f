package io.livechain.web;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;

/**
 * Stimulate, wait, assert: waits until every streaming event processor (the read models, the sagas and the
 * policies) has handled everything stored so far, so that a read model can then be asserted once instead of being
 * polled.
 *
 * <p>A read that follows a change directly needs none of this: read at the position the change named
 * ({@code Api.at(path, response.position())}), and the platform answers once its read models reflect it (ADR 0010).
 * This is for what the platform does later by itself (a saga's commands, a policy, a deadline), which no answer names.
 */
public final class ReadModels {

    private ReadModels() {}

    /** Until every streaming processor has handled every event stored when called. */
    public static void awaitCaughtUp(EventStore eventStore, EventProcessingConfiguration processing) {
        awaitAt(processing, head(eventStore));
    }

    public static void awaitCaughtUp(ApplicationContext context) {
        awaitCaughtUp(context.getBean(EventStore.class), context.getBean(EventProcessingConfiguration.class));
    }

    /**
     * Until every processor is at the head and the head no longer moves: what a saga or a policy does in answer to
     * an event (its commands' events, and what reacts to those) is handled too.
     */
    public static void awaitQuiet(EventStore eventStore, EventProcessingConfiguration processing) {
        long head = head(eventStore);
        while (true) {
            awaitAt(processing, head);
            // a handler's commands commit with its token: once every processor is past `head`, their events are stored
            long now = head(eventStore);
            if (now == head) {
                return;
            }
            head = now;
        }
    }

    public static void awaitQuiet(ApplicationContext context) {
        awaitQuiet(context.getBean(EventStore.class), context.getBean(EventProcessingConfiguration.class));
    }

    /**
     * Until the aggregate has an event of the given type: for what the platform does by itself at a time only it
     * knows (a deadline on db-scheduler's own clock), waited for in the event store, not in a read model.
     */
    public static void awaitEvent(EventStore eventStore, String aggregateId, Class<?> type) {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> eventStore
                        .readEvents(aggregateId)
                        .asStream()
                        .anyMatch(event -> type.equals(event.getPayloadType())));
    }

    private static long head(EventStore eventStore) {
        return eventStore.createHeadToken().position().orElse(0);
    }

    private static void awaitAt(EventProcessingConfiguration processing, long head) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .allMatch(processor -> reached(processor, head)));
    }

    private static boolean reached(StreamingEventProcessor processor, long head) {
        var segments = processor.processingStatus().values();
        return !segments.isEmpty()
                && segments.stream()
                        .allMatch(status -> !status.isErrorState()
                                && status.getCurrentPosition().orElse(0) >= head);
    }
}
