package io.livechain.web.merchant;

import io.livechain.shared.InvalidField;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code asOf} query parameter of a question about the past: an ISO-8601 instant, not in the future (the answer
 * about a moment still to come could change; the platform's clock decides what is the future). Anything else is
 * {@code 400 validation-failed} naming {@code asOf}.
 */
final class AsOf {

    static final String PARAMETER = "asOf";

    static final String DESCRIPTION = "Answer as of this moment, from the events stored up to it: an ISO-8601 instant"
            + " (2026-11-27T20:03:17Z, or with an offset), not in the future. Before the object existed, the answer"
            + " is 404. Without it, the answer is the current one.";

    static final String INVALID =
            "`validation-failed`: asOf is not an ISO-8601 instant, or it is in the future" + " (`errors` names asOf).";

    private AsOf() {}

    /** The moment asked about, or null for now (no parameter). */
    static Instant parse(String asOf, Clock clock) {
        if (asOf == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidField(PARAMETER, "must be an ISO-8601 instant such as 2026-11-27T20:03:17Z");
        }
        InvalidField.require(!instant.isAfter(clock.instant()), PARAMETER, "must not be in the future");
        return instant;
    }
}
