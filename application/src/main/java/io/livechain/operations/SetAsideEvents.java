package io.livechain.operations;

import java.time.Instant;
import java.util.List;

/**
 * Events a read model could not take. Each was set aside so that its processor moved on and every other view stayed
 * current; once the cause is fixed, the operator replays them through the handlers of the processor that set them
 * aside, and each one that now succeeds leaves the list.
 */
public interface SetAsideEvents {

    /** The oldest first, at most {@code limit}. */
    List<SetAsideEvent> list(int limit);

    long count();

    /** Replays one event (for each processor that set it aside); empty when no such event is set aside. */
    List<Replay> replay(String eventIdentifier);

    /** Replays every event set aside, the oldest first. */
    List<Replay> replayAll();

    record SetAsideEvent(
            String processor,
            String eventIdentifier,
            String payloadType,
            String aggregateIdentifier,
            Long sequenceNumber,
            String error,
            Instant setAsideAt) {}

    /** What a replay did: {@code error} is null when the event was taken and left the list. */
    record Replay(String processor, String eventIdentifier, boolean replayed, String error) {

        public static Replay failed(String processor, String eventIdentifier, String error) {
            return new Replay(processor, eventIdentifier, false, error);
        }

        public static Replay replayed(String processor, String eventIdentifier) {
            return new Replay(processor, eventIdentifier, true, null);
        }
    }
}
