package io.livechain.participant.query;

import io.livechain.participant.ParticipantId;

/** Answered with an {@code Optional<ParticipantView>}. */
public record FindParticipant(ParticipantId participantId) {}
