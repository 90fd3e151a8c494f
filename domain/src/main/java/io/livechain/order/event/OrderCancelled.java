package io.livechain.order.event;

import io.livechain.order.OrderId;
import io.livechain.shared.LiveStreamId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The merchant cancelled the order; its units are to go back (to the offer and to stock). */
@Revision("1")
public record OrderCancelled(OrderId orderId, LiveStreamId liveStreamId, List<String> skus, String reason)
        implements OrderEvent {}
