package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

public final class LiveStreamNotLive extends BusinessRuleViolation {

    public LiveStreamNotLive(LiveStreamStatus status) {
        super(
                "live-stream-not-live",
                Kind.CONFLICT,
                "the live stream is " + status + ": orders are taken only while live");
    }
}
