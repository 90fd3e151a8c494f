package io.livechain.access;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers already given to requests that carried an {@code Idempotency-Key}, scoped per API key. Every method
 * runs in the caller's transaction, so the answer is stored atomically with the change it describes.
 */
public interface IdempotentRequests {

    /**
     * Takes the transaction-scoped lock of this key; false when another request holding the same key is still
     * running.
     */
    boolean tryLock(UUID apiKeyId, String idempotencyKey);

    Optional<RecordedResponse> find(UUID apiKeyId, String idempotencyKey);

    void record(UUID apiKeyId, String idempotencyKey, RecordedResponse response);

    /** The answers recorded for any of these keys (one query for a whole batch). */
    Map<Key, RecordedResponse> findAll(Collection<Key> keys);

    /** Records many answers at once (one statement for a whole batch). */
    void recordAll(Map<Key, RecordedResponse> responses);

    /**
     * False when no answer can have been recorded for this key, so a request can be refused at once without asking
     * the database. True means "perhaps": look it up.
     */
    boolean mightHaveRecorded(Key key);

    /** Forgets answers recorded before the given instant; returns how many. */
    int forgetBefore(Instant instant);

    /** An idempotency key as scoped: per API key. */
    record Key(UUID apiKeyId, String idempotencyKey) {}

    /**
     * The first answer to a request, with the fingerprint of the request that got it.
     *
     * @param position the event store position of the last event the request caused, named in the answer's
     *     {@code LiveChain-Position} (ADR 0010); 0 when it caused none
     */
    record RecordedResponse(
            byte[] requestHash, int status, String contentType, String location, byte[] body, long position) {

        /** An answer that names no position (yet). */
        public RecordedResponse(byte[] requestHash, int status, String contentType, String location, byte[] body) {
            this(requestHash, status, contentType, location, body, 0);
        }

        public RecordedResponse withPosition(long position) {
            return new RecordedResponse(requestHash, status, contentType, location, body, position);
        }

        public boolean hasPosition() {
            return position > 0;
        }
    }
}
