package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

public final class LiveStreamTransitionNotAllowed extends BusinessRuleViolation {

    public LiveStreamTransitionNotAllowed(LiveStreamStatus from, String action) {
        super(
                "live-stream-transition-not-allowed",
                Kind.CONFLICT,
                "a live stream that is " + from + " cannot " + action);
    }
}
