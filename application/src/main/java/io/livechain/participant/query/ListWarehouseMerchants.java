package io.livechain.participant.query;

import io.livechain.participant.ParticipantId;

/** The merchants a warehouse serves, oldest link first; answered with a list of {@link WarehouseMerchantView}. */
public record ListWarehouseMerchants(ParticipantId warehouseId) {}
