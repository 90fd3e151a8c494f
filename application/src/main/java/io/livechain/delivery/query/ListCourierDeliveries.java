package io.livechain.delivery.query;

import io.livechain.participant.ParticipantId;

/** The deliveries a courier has claimed (now or before), newest first; a list of {@link DeliveryView}. */
public record ListCourierDeliveries(ParticipantId courierId) {}
