package io.livechain.sales.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.sales.RequestedLine;
import io.livechain.shared.LiveStreamId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An order's units went back to the offers, so other buyers can get them. */
@Revision("1")
public record OrderUnitsReturned(
        LiveStreamId liveStreamId, OrderId orderId, String buyerId, List<RequestedLine> lines, String reason)
        implements LiveStreamEvent, ConcernsOrder {}
