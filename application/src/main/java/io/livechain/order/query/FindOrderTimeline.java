package io.livechain.order.query;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;

/** Answered with {@code Optional<OrderTimeline>}: empty when unknown or another merchant's. */
public record FindOrderTimeline(OrderId orderId, ParticipantId merchantId) {}
