package io.livechain.order.command;

import io.livechain.order.OrderId;
import io.livechain.order.OrderLine;
import io.livechain.order.ShippingAddress;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import io.livechain.shared.LiveStreamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an order whose units the offer admitted and the stock reserved or queued. */
public record PlaceOrder(
        @TargetAggregateIdentifier OrderId orderId,
        ParticipantId merchantId,
        LiveStreamId liveStreamId,
        String buyerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        Instant placedAt,
        Duration paymentWindow)
        implements DeskCommand {}
