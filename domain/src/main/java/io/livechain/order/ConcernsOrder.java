package io.livechain.order;

/**
 * An event that is part of one order's story, whatever aggregate it belongs to: the order's timeline lists every
 * such event.
 */
public interface ConcernsOrder {

    OrderId orderId();
}
