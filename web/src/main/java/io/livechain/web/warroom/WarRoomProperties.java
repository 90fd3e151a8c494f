package io.livechain.web.warroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The war rooms ({@code livechain.war-room.*}).
 *
 * @param refresh how often a watched stream's figures are computed (once for all its viewers) and pushed
 * @param history how far back the order intake's chart goes
 * @param idle how long a stream stays watched after its last viewer left or its figures were last asked for
 */
@ConfigurationProperties("livechain.war-room")
public record WarRoomProperties(
        @DefaultValue("PT1S") Duration refresh,
        @DefaultValue("PT2M") Duration history,
        @DefaultValue("PT1M") Duration idle) {

    public WarRoomProperties {
        if (refresh.toMillis() < 100) {
            throw new IllegalArgumentException("livechain.war-room.refresh must be at least 100 ms");
        }
        if (history.compareTo(refresh) < 0 || idle.isNegative()) {
            throw new IllegalArgumentException(
                    "livechain.war-room.history must be at least one refresh, and idle not negative");
        }
    }

    /** How many samples of the intake the chart holds. */
    int samples() {
        return (int) Math.max(1, history.toMillis() / refresh.toMillis());
    }
}
