package io.livechain.sales.command;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The merchant puts the stream on air, at {@code at}: not after its {@code endsAt}. */
public record StartLiveStream(
        @TargetAggregateIdentifier LiveStreamId liveStreamId, ParticipantId merchantId, Instant at)
        implements DeskCommand {}
