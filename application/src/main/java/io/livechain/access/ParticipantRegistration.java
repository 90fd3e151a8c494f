package io.livechain.access;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.command.RegisterParticipant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Registers a participant and issues its first API key. Meant to run inside the request's transaction, so the
 * registration event and the key's hash are committed together or not at all.
 */
public class ParticipantRegistration {

    private final CommandGateway commands;
    private final ApiKeys apiKeys;

    public ParticipantRegistration(CommandGateway commands, ApiKeys apiKeys) {
        this.commands = commands;
        this.apiKeys = apiKeys;
    }

    public Credentials register(ParticipantKind kind, String name, List<String> zones) {
        ParticipantId id = ParticipantId.random();
        commands.sendAndWait(new RegisterParticipant(id, kind, name, zones));
        ApiKeySecret key = apiKeys.issue(Role.of(kind), id.value());
        return new Credentials(id, key);
    }

    /** A new participant's id and its key in the clear: returned once, never stored. */
    public record Credentials(ParticipantId participantId, ApiKeySecret apiKey) {}
}
