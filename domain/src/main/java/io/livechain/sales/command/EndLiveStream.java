package io.livechain.sales.command;

import io.livechain.participant.ParticipantId;
import io.livechain.sales.LiveStreamId;
import io.livechain.shared.DeskCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EndLiveStream(@TargetAggregateIdentifier LiveStreamId liveStreamId, ParticipantId merchantId)
        implements DeskCommand {}
