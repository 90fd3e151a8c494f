package io.livechain.order;

/** Where an order line's units stand. */
public enum StockState {
    /** Units held at a warehouse for this order. */
    RESERVED,
    /** Waiting in the first-come-first-served queue for stock. */
    BACKORDERED,
    /** Given back: the order was cancelled or expired. */
    RELEASED
}
