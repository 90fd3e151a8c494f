package io.livechain.sales.command;

import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The platform takes off air, at {@code at}, a stream whose {@code endsAt} has come and that nobody ended (and one
 * that never went on air in its time): its figures, its merchant's screens and its forecasts then say it ended.
 */
public record EndLiveStreamOnTime(@TargetAggregateIdentifier LiveStreamId liveStreamId, Instant at)
        implements DeskCommand {

    public EndLiveStreamOnTime {
        Objects.requireNonNull(liveStreamId, "liveStreamId");
        Objects.requireNonNull(at, "at");
    }
}
