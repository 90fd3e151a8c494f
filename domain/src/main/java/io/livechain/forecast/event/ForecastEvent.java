package io.livechain.forecast.event;

/** What the platform told factories about demand. Not an aggregate's: each forecast is told once, as it is made. */
public sealed interface ForecastEvent permits DemandForecastPublished {}
