package io.livechain.sales.command;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EndLiveStream(@TargetAggregateIdentifier LiveStreamId liveStreamId, ParticipantId merchantId)
        implements DeskCommand {}
