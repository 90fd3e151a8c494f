package io.livechain.notification;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where a reader of the feed stands in the event store: every event up to {@code index} has been read, except the
 * {@code gaps} (global indexes not stored yet when they were passed: a transaction still in flight; they are read
 * when they appear). Store both to resume exactly where a reader stopped.
 */
public record FeedCursor(long index, SortedSet<Long> gaps) {

    /** Before the first event. */
    public static final FeedCursor START = new FeedCursor(-1, new TreeSet<>());

    public FeedCursor {
        Objects.requireNonNull(gaps, "gaps");
        gaps = new TreeSet<>(gaps);
    }

    /** A cursor from which the event at {@code position}, and every one after it, is read. */
    public static FeedCursor from(long position) {
        return new FeedCursor(Math.max(-1, position - 1), new TreeSet<>());
    }

    public static FeedCursor of(long index, List<Long> gaps) {
        return new FeedCursor(index, new TreeSet<>(gaps));
    }

    TrackingToken token() {
        return index < 0 ? null : GapAwareTrackingToken.newInstance(index, gaps);
    }

    static FeedCursor of(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return new FeedCursor(gapAware.getIndex(), gapAware.getGaps());
        }
        return new FeedCursor(token.position().orElse(-1), new TreeSet<>());
    }

    public List<Long> gapList() {
        return List.copyOf(gaps);
    }
}
