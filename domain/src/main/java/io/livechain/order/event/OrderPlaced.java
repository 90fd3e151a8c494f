package io.livechain.order.event;

import io.livechain.order.OrderId;
import io.livechain.order.OrderLine;
import io.livechain.order.ShippingAddress;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderPlaced(
        OrderId orderId,
        ParticipantId merchantId,
        LiveStreamId liveStreamId,
        String buyerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        BigDecimal total,
        Instant placedAt,
        Instant paymentDueAt)
        implements OrderEvent {}
