package io.livechain.participant.event;

import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/** The warehouse ({@code participantId}) serves the merchant from now on: it may receive the merchant's stock. */
@Revision("1")
public record MerchantLinked(ParticipantId participantId, ParticipantId merchantId) implements ParticipantEvent {}
