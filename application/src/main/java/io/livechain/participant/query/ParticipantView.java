package io.livechain.participant.query;

import io.livechain.participant.ParticipantKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ParticipantView(UUID id, ParticipantKind kind, String name, List<String> zones, Instant registeredAt) {}
