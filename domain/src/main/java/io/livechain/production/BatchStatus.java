package io.livechain.production;

/** A production batch's life: requested, then accepted (or rejected), started, completed, shipped, received. */
public enum BatchStatus {
    REQUESTED,
    ACCEPTED,
    REJECTED,
    STARTED,
    COMPLETED,
    SHIPPED,
    RECEIVED
}
