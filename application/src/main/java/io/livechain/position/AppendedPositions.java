package io.livechain.position;

/**
 * Notes, for the work running on this thread, the position (the event store's global index) of the last event it
 * appended: the position a mutating answer names, so that a later read can ask for at least that position.
 *
 * <p>Only work that asks is noted ({@link #track()}): the event store learns a position with one statement per
 * append, after the insert, and pays it only when someone will use it. Tracking belongs inside the transaction that
 * appends; the position is known once the events are inserted, before that transaction commits.
 */
public final class AppendedPositions {

    /** No event was appended: global indexes start at 1. */
    public static final long NONE = 0;

    private final ThreadLocal<Tracking> current = new ThreadLocal<>();

    /** Starts noting what this thread appends, until the tracking is closed. */
    public Tracking track() {
        Tracking tracking = new Tracking(current.get());
        current.set(tracking);
        return tracking;
    }

    /** Whether this thread's appends are being noted (the event store asks before it looks the position up). */
    public boolean tracking() {
        return current.get() != null;
    }

    /** The event store appended events up to this position, on this thread. */
    public void appended(long position) {
        Tracking tracking = current.get();
        if (tracking != null) {
            tracking.note(position);
        }
    }

    /** The appends of one piece of work; closing it ends the noting (and hands the position to an outer one). */
    public final class Tracking implements AutoCloseable {

        private final Tracking outer;
        private long last = NONE;

        private Tracking(Tracking outer) {
            this.outer = outer;
        }

        /** The position of the last event appended since tracking began, or {@link #NONE}. */
        public long last() {
            return last;
        }

        /** Forgets what was noted: the work starts over (a batch retried after a rollback). */
        public void reset() {
            last = NONE;
        }

        private void note(long position) {
            last = Math.max(last, position);
        }

        @Override
        public void close() {
            if (outer == null) {
                current.remove();
            } else {
                outer.note(last);
                current.set(outer);
            }
        }
    }
}
