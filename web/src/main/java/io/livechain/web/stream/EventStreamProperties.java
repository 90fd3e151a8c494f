package io.livechain.web.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-Sent Events ({@code livechain.event-streams.*}).
 *
 * @param maxPerKey how many event streams one API key may hold open at once; one more is answered {@code 429
 *     too-many-streams}
 * @param heartbeat how often a stream with nothing to say sends a comment, so that proxies and clients see it alive
 * @param maxDuration how long one stream stays open; then the platform ends it and the client reconnects (with
 *     {@code Last-Event-ID} where the stream has ids), which also lets a revoked key's streams end
 * @param pollInterval how often the one reader of the notification feed looks for new notifications for the
 *     participants' streams (only while a stream is open)
 */
@ConfigurationProperties("livechain.event-streams")
public record EventStreamProperties(
        @DefaultValue("4") int maxPerKey,
        @DefaultValue("PT15S") Duration heartbeat,
        @DefaultValue("PT30M") Duration maxDuration,
        @DefaultValue("250ms") Duration pollInterval) {

    public EventStreamProperties {
        if (maxPerKey < 1) {
            throw new IllegalArgumentException("livechain.event-streams.max-per-key must be at least 1");
        }
        if (heartbeat.isNegative()
                || heartbeat.isZero()
                || maxDuration.isNegative()
                || maxDuration.isZero()
                || pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("livechain.event-streams durations must be positive");
        }
    }
}
