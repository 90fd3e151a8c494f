package io.livechain.production.query;

import io.livechain.participant.ParticipantId;

/**
 * Production batches, newest first, of one factory or of one merchant (exactly one of the two is set), optionally of
 * one status; answered with a list of {@link ProductionRequestView}.
 */
public record ListProductionRequests(ParticipantId factoryId, ParticipantId merchantId, String status) {}
