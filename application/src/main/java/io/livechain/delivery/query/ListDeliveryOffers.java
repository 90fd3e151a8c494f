package io.livechain.delivery.query;

import java.util.List;

/** Deliveries waiting for a courier in any of these zones, oldest first; a list of {@link DeliveryOfferView}. */
public record ListDeliveryOffers(List<String> zones) {}
