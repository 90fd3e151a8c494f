package io.livechain.sales.query;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;

/** Answered with {@code Optional<LiveStreamView>}: empty when unknown or another merchant's. */
public record FindLiveStream(LiveStreamId liveStreamId, ParticipantId merchantId) {}
