package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import java.time.Duration;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A courier takes the delivery; the first one wins. */
public record ClaimDelivery(
        @TargetAggregateIdentifier DeliveryId deliveryId,
        ParticipantId courierId,
        List<String> courierZones,
        Duration claimTimeout) {}
