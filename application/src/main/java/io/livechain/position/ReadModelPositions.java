package io.livechain.position;

import java.time.Duration;

/**
 * How far the read models are: the position (the event store's global index) up to which they reflect every event,
 * and a bounded wait for them to reach one.
 */
public interface ReadModelPositions {

    /** The position up to which the read models reflect every event; 0 when nothing is known yet. */
    long reflected();

    /**
     * Waits at most {@code patience} until the read models reflect every event up to {@code position}. Returns at
     * once when they already do; never waits longer than {@code patience}, and an interrupted wait returns what is
     * known then.
     */
    Wait awaitAtLeast(long position, Duration patience);

    /**
     * @param reflected the position the read models reflect now (at least the one asked for, when reached)
     * @param reached whether they reflect the position asked for; false when the wait ran out
     */
    record Wait(long reflected, boolean reached) {}
}
