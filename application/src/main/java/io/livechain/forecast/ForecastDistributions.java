package io.livechain.forecast;

import java.util.List;
import java.util.Objects;

/**
 * A forecast with the distribution each of its periods was drawn from ({@code hourly.get(i)} is that of {@code
 * forecast.hourly().get(i)}, likewise for days): what a backtest scores a forecast of counts on beyond its intervals.
 */
public record ForecastDistributions(Forecast forecast, List<CountDistribution> hourly, List<CountDistribution> daily) {

    public ForecastDistributions {
        Objects.requireNonNull(forecast, "forecast");
        hourly = List.copyOf(hourly);
        daily = List.copyOf(daily);
        if (hourly.size() != forecast.hourly().size()
                || daily.size() != forecast.daily().size()) {
            throw new IllegalArgumentException("one distribution per period");
        }
    }
}
