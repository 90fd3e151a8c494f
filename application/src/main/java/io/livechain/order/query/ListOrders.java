package io.livechain.order.query;

import io.livechain.participant.ParticipantId;
import java.util.UUID;

/**
 * A merchant's orders, newest first, optionally of one live stream and/or status; answered with an
 * {@link OrderPage}. {@code after} is the {@code nextCursor} of the previous page (null for the first).
 */
public record ListOrders(ParticipantId merchantId, UUID liveStreamId, String status, String after, int limit) {}
