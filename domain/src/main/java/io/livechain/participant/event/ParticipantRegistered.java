package io.livechain.participant.event;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A participant was admitted to the platform. Carries no credentials: keys never enter the event store. */
@Revision("1")
public record ParticipantRegistered(ParticipantId participantId, ParticipantKind kind, String name, List<String> zones)
        implements ParticipantEvent {}
