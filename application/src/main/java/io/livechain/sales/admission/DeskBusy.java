package io.livechain.sales.admission;

/** The desk's queue is full: the caller should retry shortly (nothing was changed). */
public final class DeskBusy extends RuntimeException {

    public DeskBusy() {
        super("the platform is taking in more requests than it can handle; retry shortly", null, false, false);
    }
}
