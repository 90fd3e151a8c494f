package io.livechain.sales.admission;

import io.livechain.access.IdempotentRequests.RecordedResponse;

/** What became of a desk request. */
public sealed interface DeskOutcome {

    /** Carried out (or rejected by a business rule) now; this is the answer. */
    record Answered(RecordedResponse response) implements DeskOutcome {}

    /** The same key and request were answered before: this is that first answer. */
    record Replayed(RecordedResponse response) implements DeskOutcome {}

    /** The key was used before for a different request. */
    record KeyReused() implements DeskOutcome {}
}
