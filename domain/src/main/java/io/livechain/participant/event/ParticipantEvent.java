package io.livechain.participant.event;

import io.livechain.participant.ParticipantId;

/** Everything that happens to a participant. */
public sealed interface ParticipantEvent permits ParticipantRegistered, MerchantLinked, MerchantUnlinked {

    ParticipantId participantId();
}
