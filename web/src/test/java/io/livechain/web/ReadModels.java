package io.livechain.web;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Stimulate, wait, assert: waits until every event processor has handled everything stored so far, so that a read
 * model can then be asserted once instead of being polled.
 */
public final class ReadModels {

    private ReadModels() {}

    public static void awaitCaughtUp(EventStore eventStore, EventProcessingConfiguration processing) {
        long head = eventStore.createHeadToken().position().orElse(0);
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
