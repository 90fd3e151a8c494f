package io.livechain.order.query;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;

/**
 * How many orders of one live stream are in each status; answered with {@link StreamOrderCounts} (all zero for a
 * stream without orders, an unknown one, or another merchant's: the caller checks the stream first).
 */
public record CountStreamOrders(LiveStreamId liveStreamId, ParticipantId merchantId) {}
