package io.livechain.sales;

import io.livechain.shared.BusinessRuleViolation;
import java.time.Instant;

/** A stream cannot go on air once its {@code endsAt} has passed: schedule a new one. */
public final class LiveStreamOver extends BusinessRuleViolation {

    public LiveStreamOver(Instant endsAt) {
        super(
                "live-stream-over",
                Kind.CONFLICT,
                "the live stream was to end at " + endsAt + ": it can no longer start; schedule a new one");
    }
}
