package io.livechain.order.event;

import io.livechain.order.OrderId;
import io.livechain.shared.LiveStreamId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The payment window closed before the order was paid; its units are to go back. */
@Revision("1")
public record OrderExpired(OrderId orderId, LiveStreamId liveStreamId, List<String> skus) implements OrderEvent {}
