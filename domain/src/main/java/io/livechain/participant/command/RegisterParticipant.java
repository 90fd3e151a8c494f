package io.livechain.participant.command;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The operator admits a participant to the platform. Name and zones are checked by the aggregate. */
public record RegisterParticipant(
        @TargetAggregateIdentifier ParticipantId participantId, ParticipantKind kind, String name, List<String> zones) {

    public RegisterParticipant {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(kind, "kind");
        zones = zones == null ? List.of() : List.copyOf(zones);
    }
}
