package io.livechain.sales.store;

import static io.livechain.infrastructure.jooq.read_model.Tables.LIVE_STREAM;

import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.audit.AuditMetadata;
import io.livechain.desk.Desk;
import io.livechain.desk.DeskOutcome;
import io.livechain.desk.DeskRequest;
import io.livechain.sales.LiveStreamStatus;
import io.livechain.sales.command.EndLiveStreamOnTime;
import io.livechain.sales.desk.LiveStreamTimeUp;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.LiveStreamId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the streams whose {@code endsAt} has come and that nobody ended: each becomes a {@link LiveStreamTimeUp} at
 * the desk, which decides on the stream itself, with the platform as the actor ({@code SYSTEM}, {@value #ACTOR}). The
 * candidates come from the streams' view, which may lag: a stream it still shows on air after the desk ended it is
 * left unchanged by the desk, and one it does not show yet is taken at the next sweep.
 */
public final class LiveStreamTimekeeper {

    static final String ACTOR = "live-stream-clock";

    private static final Logger log = LoggerFactory.getLogger(LiveStreamTimekeeper.class);
    private static final RecordedResponse ENDED = new RecordedResponse(null, 200, null, null, new byte[0]);
    private static final RecordedResponse UNCHANGED = new RecordedResponse(null, 204, null, null, new byte[0]);

    private final DSLContext db;
    private final Desk desk;
    private final Clock clock;
    private final int batchSize;

    public LiveStreamTimekeeper(DSLContext db, Desk desk, Clock clock, int batchSize) {
        this.db = db;
        this.desk = desk;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Ends the streams due now; returns how many the desk ended. */
    public int sweep() throws InterruptedException {
        Instant now = clock.instant();
        List<LiveStreamId> due = db.select(LIVE_STREAM.ID)
                .from(LIVE_STREAM)
                .where(LIVE_STREAM.STATUS.in(LiveStreamStatus.SCHEDULED.name(), LiveStreamStatus.LIVE.name()))
                .and(LIVE_STREAM.ENDS_AT.le(now.atOffset(ZoneOffset.UTC)))
                .orderBy(LIVE_STREAM.ENDS_AT)
                .limit(batchSize)
                .fetch(row -> new LiveStreamId(row.value1()));
        List<CompletableFuture<DeskOutcome>> ends = new ArrayList<>(due.size());
        for (LiveStreamId stream : due) {
            ends.add(desk.submitAndKeep(timeUp(new EndLiveStreamOnTime(stream, now))));
        }
        int ended = 0;
        for (CompletableFuture<DeskOutcome> end : ends) {
            try {
                if (end.join() instanceof DeskOutcome.Answered answered
                        && answered.response().status() == ENDED.status()) {
                    ended++;
                }
            } catch (RuntimeException e) {
                log.warn("Ending a live stream on time failed; it is retried at the next sweep: {}", e.toString());
            }
        }
        return ended;
    }

    private static DeskRequest<Boolean> timeUp(EndLiveStreamOnTime command) {
        Map<String, Object> audit = AuditMetadata.ofThePlatform(ACTOR);
        return new DeskRequest<>(
                command, audit, null, null, new LiveStreamTimeUp(command), new DeskRequest.Renderer<>() {
                    @Override
                    public RecordedResponse success(Boolean ended) {
                        return ended ? ENDED : UNCHANGED;
                    }

                    @Override
                    public RecordedResponse rejection(BusinessRuleViolation violation) {
                        throw violation; // ending on time breaks no rule; if it does, the stream is taken again next
                        // time
                    }
                });
    }
}
