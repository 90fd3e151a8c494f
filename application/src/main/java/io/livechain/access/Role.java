package io.livechain.access;

import io.livechain.participant.ParticipantKind;

/** What an API key may do. Every key belongs to exactly one role. */
public enum Role {
    ADMIN,
    MERCHANT,
    FACTORY,
    WAREHOUSE,
    COURIER;

    public static Role of(ParticipantKind kind) {
        return switch (kind) {
            case MERCHANT -> MERCHANT;
            case FACTORY -> FACTORY;
            case WAREHOUSE -> WAREHOUSE;
            case COURIER -> COURIER;
        };
    }
}
