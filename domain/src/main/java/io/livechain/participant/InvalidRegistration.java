package io.livechain.participant;

import io.livechain.shared.BusinessRuleViolation;

/** A registration whose name or zones do not fit the kind of participant. */
public final class InvalidRegistration extends BusinessRuleViolation {

    public InvalidRegistration(String detail) {
        super("invalid-registration", Kind.INVALID, detail);
    }
}
