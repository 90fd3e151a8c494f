package io.livechain.order.query;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;

/** Answered with {@code Optional<OrderView>}: empty when unknown or another merchant's. */
public record FindOrder(OrderId orderId, ParticipantId merchantId) {}
