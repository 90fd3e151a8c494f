/**
 * Demand forecasting: hourly and daily demand with intervals, lifted by scheduled live streams. Pure functions. A
 * forecast's {@link io.livechain.forecast.Period} lives with the domain's events, which carry the forecasts the
 * factories are told.
 */
package io.livechain.forecast;
