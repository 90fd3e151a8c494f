package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;

/** An order names a live stream that does not exist (or is another merchant's). */
public final class UnknownLiveStream extends BusinessRuleViolation {

    public UnknownLiveStream() {
        super("unknown-live-stream", Kind.UNPROCESSABLE, "liveStreamId does not name one of your live streams");
    }
}
