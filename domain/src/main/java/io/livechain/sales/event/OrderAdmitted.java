package io.livechain.sales.event;

import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.sales.RequestedLine;
import io.livechain.shared.LiveStreamId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The offers admitted an order's units for a buyer. */
@Revision("1")
public record OrderAdmitted(LiveStreamId liveStreamId, OrderId orderId, String buyerId, List<RequestedLine> lines)
        implements LiveStreamEvent, ConcernsOrder {}
