package io.livechain.order.query;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import java.util.UUID;

/**
 * A merchant's orders, newest first, optionally of one live stream and/or status; answered with an
 * {@link OrderPage}. {@code after} is the {@code nextCursor} of the previous page (null for the first).
 */
public record ListOrders(ParticipantId merchantId, UUID liveStreamId, String status, String after, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 200;
    /** No cursor this list hands out is longer. */
    public static final int MAX_CURSOR_LENGTH = 200;

    public ListOrders {
        InvalidField.require(limit >= 1 && limit <= MAX_LIMIT, "limit", "between 1 and " + MAX_LIMIT);
        InvalidField.require(
                after == null || after.length() <= MAX_CURSOR_LENGTH,
                "cursor",
                "at most " + MAX_CURSOR_LENGTH + " characters");
    }
}
