package io.livechain.web.support;

import io.livechain.access.IdempotentRequests.RecordedResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Read-your-writes over HTTP (ADR 0010). A mutating answer that changed something names, in {@value #HEADER}, the
 * position in the event store of the last event it caused (a replay names the same). A read given that position, as
 * {@code ?}{@value #MIN_POSITION} or in {@value #MIN_POSITION_HEADER}, is answered once the read models reflect it, or
 * after a bounded wait with {@value #STALE_HEADER}{@code : true}; every read names, in {@value #HEADER}, the position
 * the read models reflected when it was answered.
 */
public final class Positions {

    public static final String HEADER = "LiveChain-Position";
    public static final String MIN_POSITION = "minPosition";
    public static final String MIN_POSITION_HEADER = "LiveChain-Min-Position";
    public static final String STALE_HEADER = "LiveChain-Stale";

    private Positions() {}

    /** Names the position of a recorded answer, if it has one (it caused events). */
    public static void name(HttpServletResponse response, RecordedResponse recorded) {
        if (recorded.hasPosition()) {
            response.setHeader(HEADER, Long.toString(recorded.position()));
        }
    }
}
