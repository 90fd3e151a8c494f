package io.livechain.delivery;

public enum DeliveryStatus {
    OFFERED,
    CLAIMED,
    PICKED_UP,
    DELIVERED,
    /** Given up after too many failed attempts: the parcel goes back to the warehouse. */
    RETURNING,
    /** The warehouse confirmed the parcel is back; its units are in stock again. */
    RETURNED
}
