package io.livechain.web.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reads ({@code livechain.reads.*}).
 *
 * @param maxWait how long a read that names a position ({@code minPosition}) waits for the read models to reflect
 *     it; then it is answered with what they hold, flagged {@code LiveChain-Stale: true}. At most 10 seconds
 */
@ConfigurationProperties("livechain.reads")
public record ReadProperties(@DefaultValue("2s") Duration maxWait) {

    public static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    public ReadProperties {
        if (maxWait.isNegative() || maxWait.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException(
                    "livechain.reads.max-wait must be between 0 and " + LONGEST_WAIT.toSeconds() + " seconds");
        }
    }
}
