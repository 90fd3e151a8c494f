package io.livechain.participant.query;

import io.livechain.participant.ParticipantKind;

/** All participants, or those of one kind, oldest first; answered with a list of {@link ParticipantView}. */
public record ListParticipants(ParticipantKind kind) {}
