package io.livechain.participant;

/** The kinds of participant the platform operator registers. */
public enum ParticipantKind {
    MERCHANT,
    FACTORY,
    WAREHOUSE,
    COURIER
}
