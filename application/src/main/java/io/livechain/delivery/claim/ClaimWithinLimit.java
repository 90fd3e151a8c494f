package io.livechain.delivery.claim;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A courier claims a delivery, at {@code at}: won by the first courier of the zone, and only while the courier holds
 * fewer open claims than a courier may. Decided by {@link DeliveryClaims}.
 */
public record ClaimWithinLimit(DeliveryId deliveryId, ParticipantId courierId, List<String> courierZones, Instant at) {

    public ClaimWithinLimit {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(courierId, "courierId");
        Objects.requireNonNull(at, "at");
        courierZones = courierZones == null ? List.of() : List.copyOf(courierZones);
    }
}
