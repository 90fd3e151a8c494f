package io.livechain.forecast.store;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ForecastConfiguration.Settings.class)
public class ForecastConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ForecastConfiguration.class);

    /**
     * Every minute, recomputes the forecasts that are older than {@code livechain.forecast.max-age} (15 minutes)
     * or that demand has outrun in the current hour (a sharp change, such as a live stream going viral).
     */
    @Bean
    public RecurringTask<Void> refreshForecasts(ForecastStore forecasts, Clock clock, Settings settings) {
        return Tasks.recurring("refresh-forecasts", FixedDelay.of(settings.checkEvery()))
                .execute((instance, context) -> {
                    int refreshed = forecasts.refresh(clock.instant(), settings.maxAge());
                    if (refreshed > 0) {
                        log.info("Refreshed {} demand forecasts", refreshed);
                    }
                });
    }

    /**
     * Forecast refreshes ({@code livechain.forecast.*}).
     *
     * @param maxAge a forecast older than this is computed again
     * @param checkEvery how often forecasts are looked at
     */
    @ConfigurationProperties("livechain.forecast")
    record Settings(
            @DefaultValue("PT15M") Duration maxAge,
            @DefaultValue("PT1M") Duration checkEvery) {}
}
