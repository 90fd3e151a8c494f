package io.livechain.sales.query;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;

/**
 * When each offer of a live stream sold out, from the stream's own events. Answered with {@code Optional<SellOuts>}:
 * empty when the stream is unknown or another merchant's.
 */
public record FindSellOuts(LiveStreamId liveStreamId, ParticipantId merchantId) {}
