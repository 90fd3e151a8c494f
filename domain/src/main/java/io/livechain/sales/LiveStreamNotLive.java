package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;
import java.time.Instant;

public final class LiveStreamNotLive extends BusinessRuleViolation {

    public static final String CODE = "live-stream-not-live";

    public LiveStreamNotLive(LiveStreamStatus status) {
        super(CODE, Kind.CONFLICT, "the live stream is " + status + ": orders are taken only while live");
    }

    /** Its time is up, whether or not anyone ended it. */
    public LiveStreamNotLive(Instant endsAt) {
        super(CODE, Kind.CONFLICT, "the live stream ended at " + endsAt + ": orders are taken only while live");
    }
}
