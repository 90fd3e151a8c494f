package io.livechain.forecast.store;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.livechain.forecast.projection.ForecastProjection;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
     * Every {@code check-every}, recomputes the forecasts that orders are owed a refresh by, that are older than
     * {@code max-age}, or whose first hour is over. Products, streams and orders refresh forecasts as their events
     * arrive ({@code ForecastProjection}); this catches up with what those left for later, and moves every forecast
     * on with the clock. It tells the factories the forecasts worth telling once the processor has caught up.
     */
    @Bean
    public RecurringTask<Void> refreshForecasts(
            ForecastStore forecasts,
            Clock clock,
            Settings settings,
            ObjectProvider<EventProcessingConfiguration> processing) {
        return Tasks.recurring("refresh-forecasts", FixedDelay.of(settings.checkEvery()))
                .execute((instance, context) -> {
                    int refreshed = forecasts.refreshDue(
                            clock.instant(), settings.refreshInterval(), settings.maxAge(), caughtUp(processing));
                    if (refreshed > 0) {
                        log.debug("Refreshed {} demand forecasts", refreshed);
                    }
                });
    }

    /**
     * Whether the forecasts' processor has caught up with the event store: until it has, a forecast is computed from
     * part of the demand, and the factories are not told it.
     */
    private static boolean caughtUp(ObjectProvider<EventProcessingConfiguration> processing) {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return false;
        }
        return configuration
                .eventProcessor(ForecastProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> {
                    var segments = processor.processingStatus().values();
                    return !segments.isEmpty()
                            && segments.stream().allMatch(status -> status.isCaughtUp() && !status.isErrorState());
                })
                .orElse(false);
    }

    /**
     * Forecast refreshes ({@code livechain.forecast.*}).
     *
     * @param maxAge a forecast older than this is computed again
     * @param checkEvery how often owed and aging forecasts are looked for
     * @param refreshInterval while orders arrive, a SKU's forecast is recomputed at most this often
     */
    @ConfigurationProperties("livechain.forecast")
    public record Settings(
            @DefaultValue("PT15M") Duration maxAge,
            @DefaultValue("PT10S") Duration checkEvery,
            @DefaultValue("PT10S") Duration refreshInterval) {}
}
