package io.livechain.forecast.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.Forecast;
import io.livechain.participant.ParticipantId;
import io.livechain.production.saga.DemandOutlook;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reorder point from the SKU's latest forecast: expected demand over the lead time plus safety stock (the
 * forecast's upper bound minus its expectation), i.e. the upper bound. Zero until a forecast exists. Replenishment
 * asks on every stock event; the answer is remembered for a minute (forecasts change every few minutes at most).
 */
@Component
public class ForecastDemandOutlook implements DemandOutlook {

    private final ForecastStore forecasts;
    private final Cache<String, Optional<Forecast>> recent = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    public ForecastDemandOutlook(ForecastStore forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public int reorderPoint(ParticipantId merchantId, String sku, Duration leadTime) {
        return recent.get(merchantId + "/" + sku, key -> forecasts.forecast(merchantId.value(), sku))
                .map(forecast -> (int) Math.ceil(DemandForecaster.upperDemand(forecast, leadTime)))
                .orElse(0);
    }
}
