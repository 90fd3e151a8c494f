package io.livechain.desk;

import io.livechain.order.OrderId;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The payment windows of orders that may still expire. Stored and removed in the transaction of the desk batch that
 * placed, cancelled or expired the order; read by due time. Removing goes by order id, so paying or cancelling never
 * costs more when many windows are open.
 */
public interface PaymentWindows {

    void openAll(Collection<Window> windows);

    void closeAll(Collection<OrderId> orderIds);

    /** The windows due at or before {@code instant}, earliest first. */
    List<Window> dueBy(Instant instant, int limit);

    record Window(OrderId orderId, LiveStreamId liveStreamId, Instant dueAt) {}
}
