package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A courier takes the delivery, at {@code at}; the first one wins. The claim lapses unless picked up within
 * {@code claimTimeout}; a courier whose claim lapsed may claim the delivery again only {@code reclaimCooldown} later,
 * so that other couriers get their turn first.
 */
public record ClaimDelivery(
        @TargetAggregateIdentifier DeliveryId deliveryId,
        ParticipantId courierId,
        List<String> courierZones,
        Duration claimTimeout,
        Duration reclaimCooldown,
        Instant at) {

    public ClaimDelivery {
        courierZones = courierZones == null ? List.of() : List.copyOf(courierZones);
    }
}
