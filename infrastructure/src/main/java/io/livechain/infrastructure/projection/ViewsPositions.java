package io.livechain.infrastructure.projection;

import io.livechain.position.ReadModelPositions;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the read models are: the tokens of the {@value Views#PROCESSING_GROUP} processor, every one of its
 * segments. A read that asks for a position waits here, parked, until that processor's tokens cover it (ADR 0010).
 *
 * <p>A token covers a position when its index has passed it and none of the events up to it is still a gap to the
 * processor. A gap is an index the processor skipped because no committed event held it when it read past: a
 * transaction still running then, or one rolled back (its indexes stay holes). A gap at or below the position is
 * asked of the event store: if an event now holds it, the processor has yet to take it (it may be the writer's own),
 * and the read waits; if none does, the gap cannot be the writer's, whose events were committed before it got its
 * answer.
 *
 * <p>Every segment's token counts as its processor knows it ({@link StreamingEventProcessor#processingStatus()}) or
 * as it was last committed (the token store tells {@link #committed}, and wakes the waiting reads). A wait also looks
 * again every {@value #RECHECK_MILLIS} ms, for the progress that commits nothing: a segment moving past events no read
 * model handles.
 */
@Component
public class ViewsPositions implements ReadModelPositions {

    static final long RECHECK_MILLIS = 25;
    private static final String COMMITTED_AMONG =
            "SELECT EXISTS (SELECT 1 FROM event_store.domain_event_entry WHERE global_index = ANY (?))";

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private final Map<Integer, TrackingToken> committedTokens = new ConcurrentHashMap<>();
    /** Completed, and replaced, whenever a token is committed: what waiting reads park on. */
    private final AtomicReference<CompletableFuture<Void>> nextCommit =
            new AtomicReference<>(new CompletableFuture<>());

    private volatile StreamingEventProcessor views;

    public ViewsPositions(ObjectProvider<EventProcessingConfiguration> processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** The processor committed this token for a segment: its read models reflect it now. */
    public void committed(TrackingToken token, int segment) {
        committedTokens.put(segment, token);
        nextCommit.getAndSet(new CompletableFuture<>()).complete(null);
    }

    @Override
    public long reflected() {
        return look(Long.MAX_VALUE).reflected();
    }

    @Override
    public Wait awaitAtLeast(long position, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            // taken before looking: a commit between the look and the park still wakes this read
            CompletableFuture<Void> commit = nextCommit.get();
            Wait now = look(position);
            long left = deadline - System.nanoTime();
            if (now.reached() || left <= 0) {
                return now;
            }
            try {
                commit.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // look again: progress without a commit wakes nobody
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return look(position);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a commit signal never fails", e);
            }
        }
    }

    /** Where the read models are now, and whether they reflect {@code position}. */
    private Wait look(long position) {
        Optional<StreamingEventProcessor> processor = views();
        if (processor.isEmpty()) {
            return new Wait(0, position <= 0);
        }
        Collection<EventTrackerStatus> segments =
                processor.get().processingStatus().values();
        if (!allSegmentsClaimed(segments)) {
            return new Wait(0, position <= 0);
        }
        long reflected = Long.MAX_VALUE;
        boolean reached = true;
        SortedSet<Long> gapsToAsk = new TreeSet<>();
        for (EventTrackerStatus status : segments) {
            Progress known = Progress.of(status.getTrackingToken(), position);
            Progress committed =
                    Progress.of(committedTokens.get(status.getSegment().getSegmentId()), position);
            reflected = Math.min(reflected, Math.max(known.reflected(), committed.reflected()));
            if (status.isErrorState()) {
                reached = false;
            } else if (known.covers() || committed.covers()) {
                continue;
            } else if (known.coversUnless() != null) {
                gapsToAsk.addAll(known.coversUnless());
            } else if (committed.coversUnless() != null) {
                gapsToAsk.addAll(committed.coversUnless());
            } else {
                reached = false;
            }
        }
        if (reached && !gapsToAsk.isEmpty()) {
            reached = !anyCommitted(gapsToAsk);
        }
        return new Wait(reached ? Math.max(reflected, position) : reflected, reached);
    }

    /** Every segment of the processor is claimed here, so its statuses cover every event. */
    private static boolean allSegmentsClaimed(Collection<EventTrackerStatus> statuses) {
        if (statuses.isEmpty()) {
            return false;
        }
        long parts = 1
                + statuses.stream()
                        .mapToLong(status -> status.getSegment().getMask())
                        .max()
                        .orElse(0);
        long covered = 0;
        for (EventTrackerStatus status : statuses) {
            Segment segment = status.getSegment();
            covered += parts / (segment.getMask() + 1L);
        }
        return covered == parts;
    }

    private boolean anyCommitted(SortedSet<Long> indexes) {
        Long[] values = indexes.toArray(Long[]::new);
        return Boolean.TRUE.equals(jdbc.query(
                COMMITTED_AMONG,
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint", values)),
                result -> result.next() && result.getBoolean(1)));
    }

    private Optional<StreamingEventProcessor> views() {
        StreamingEventProcessor known = views;
        if (known == null) {
            known = processing
                    .getObject()
                    .eventProcessor(Views.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElse(null);
            views = known;
        }
        return Optional.ofNullable(known);
    }

    /**
     * What one token says about a position.
     *
     * @param reflected every event up to here has been taken (below the first gap, or up to the index)
     * @param covers the token has passed the position with no gap at or below it
     * @param coversUnless the token has passed the position, but these gaps lie at or below it; else null
     */
    private record Progress(long reflected, boolean covers, SortedSet<Long> coversUnless) {

        private static final Progress NOTHING = new Progress(0, false, null);

        static Progress of(TrackingToken token, long position) {
            TrackingToken lowest = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lowest == null) {
                return position <= 0 ? new Progress(0, true, null) : NOTHING;
            }
            if (lowest instanceof GapAwareTrackingToken gapAware) {
                long index = gapAware.getIndex();
                SortedSet<Long> gaps = gapAware.getGaps();
                long reflected = gaps.isEmpty() ? index : Math.min(index, gaps.first() - 1);
                if (index < position) {
                    return new Progress(reflected, false, null);
                }
                SortedSet<Long> below = gaps.headSet(position + 1);
                return below.isEmpty()
                        ? new Progress(reflected, true, null)
                        : new Progress(reflected, false, new TreeSet<>(below));
            }
            long reached = lowest.position().orElse(0);
            return new Progress(reached, reached >= position, null);
        }
    }
}
