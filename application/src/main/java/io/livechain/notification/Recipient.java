package io.livechain.notification;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A participant that is told: its id and, for a courier, the zones it serves (from its registration).
 *
 * @param courier whether the participant is a courier (only couriers see what is offered in their zones)
 */
public record Recipient(UUID participantId, boolean courier, Set<String> zones) {

    public Recipient {
        Objects.requireNonNull(participantId, "participantId");
        zones = Set.copyOf(zones);
    }
}
