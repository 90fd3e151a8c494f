package io.livechain.participant.event;

import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

/**
 * The warehouse ({@code participantId}) no longer serves the merchant: it receives none of its stock any more. Units
 * it already holds stay where they are, sold and packed as before.
 */
@Revision("1")
public record MerchantUnlinked(ParticipantId participantId, ParticipantId merchantId) implements ParticipantEvent {}
