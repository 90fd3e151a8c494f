package io.livechain.notification;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who sees a notification: named participants (the merchant of an order, the factory of a batch, a warehouse), and
 * the couriers whose zones hold one of {@code zones} (a delivery offered in a zone is for every courier serving it,
 * including couriers registered after the offer).
 */
public record Audience(Set<UUID> participants, Set<String> zones) {

    public Audience {
        participants = Set.copyOf(participants);
        zones = Set.copyOf(zones);
    }

    public static Audience of(UUID participant) {
        return new Audience(Set.of(Objects.requireNonNull(participant, "participant")), Set.of());
    }

    public static Audience couriersOf(String zone) {
        return new Audience(Set.of(), Set.of(zone));
    }

    public boolean includes(Recipient recipient) {
        if (participants.contains(recipient.participantId())) {
            return true;
        }
        return recipient.courier() && recipient.zones().stream().anyMatch(zones::contains);
    }
}
