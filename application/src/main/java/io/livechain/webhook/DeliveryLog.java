package io.livechain.webhook;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a subscription's delivery attempts, newest first; {@code nextCursor} is null on the last page. */
public record DeliveryLog(
        List<DeliveryAttemptView> items, @Nullable String nextCursor) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_CURSOR_LENGTH = 32;
}
