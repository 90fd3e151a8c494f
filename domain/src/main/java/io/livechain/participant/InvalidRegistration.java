package io.livechain.participant;

import io.livechain.shared.BusinessRuleViolation;

/** A registration whose name or zones do not fit the kind of participant. */
public final class InvalidRegistration extends BusinessRuleViolation {

    public InvalidRegistration(String detail) {
        super("invalid-registration", Kind.INVALID, detail);
    }

    /** About one field of the request: {@code field} names it as the client sent it. */
    public InvalidRegistration(String field, String detail) {
        super("invalid-registration", Kind.INVALID, field, field + ": " + detail);
    }
}
