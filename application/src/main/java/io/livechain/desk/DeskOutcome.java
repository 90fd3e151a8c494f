package io.livechain.desk;

import io.livechain.access.IdempotentRequests.RecordedResponse;

/** What became of a desk request. */
public sealed interface DeskOutcome {

    /** Decided now (accepted, or rejected by a business rule); this is the answer. */
    record Answered(RecordedResponse response) implements DeskOutcome {}

    /** The same key and request were answered before: this is that first answer. */
    record Replayed(RecordedResponse response) implements DeskOutcome {}

    /** The key was used before for a different request. */
    record KeyReused() implements DeskOutcome {}

    /**
     * The desk could not take the request in time (its queue was full, or the request waited longer than the answer
     * budget): it was never decided and changed nothing. Retrying, with the same key, is safe.
     */
    record Busy() implements DeskOutcome {}

    /**
     * The database could not be reached. The request was not decided; or, if the connection broke while its batch
     * was committing, the commit may have happened after all. Either way its retry with the same key gets the right
     * answer: the recorded one if it was committed, a fresh decision if not.
     */
    record Unavailable() implements DeskOutcome {}
}
