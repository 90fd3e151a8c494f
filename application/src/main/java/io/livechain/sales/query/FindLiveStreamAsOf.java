package io.livechain.sales.query;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;

/**
 * A live stream and its offers as they stood at {@code asOf}, from the events stored up to then. Answered with
 * {@code Optional<LiveStreamView>}: empty when the stream was not scheduled yet at that moment, is unknown, or is
 * another merchant's.
 */
public record FindLiveStreamAsOf(LiveStreamId liveStreamId, ParticipantId merchantId, Instant asOf) {}
