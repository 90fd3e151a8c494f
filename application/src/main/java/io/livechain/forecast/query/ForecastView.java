package io.livechain.forecast.query;

import io.livechain.forecast.Period;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A SKU's demand forecast: 24 hourly periods, then 14 daily ones, each with an expected value and a low/high range. */
public record ForecastView(UUID merchantId, String sku, Instant generatedAt, List<Period> periods) {}
