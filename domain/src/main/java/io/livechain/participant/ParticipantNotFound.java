package io.livechain.participant;

import io.livechain.shared.BusinessRuleViolation;

/** No participant of the kind asked for has this id. */
public final class ParticipantNotFound extends BusinessRuleViolation {

    public ParticipantNotFound(ParticipantKind kind) {
        super("not-found", Kind.NOT_FOUND, kind.name().toLowerCase() + " not found");
    }
}
