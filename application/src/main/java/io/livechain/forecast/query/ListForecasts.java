package io.livechain.forecast.query;

import io.livechain.participant.ParticipantId;

/** The latest forecasts of every SKU this factory makes; a list of {@link ForecastView}. */
public record ListForecasts(ParticipantId factoryId) {}
