package io.livechain.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.DemandHistory;
import io.livechain.forecast.Forecast;
import io.livechain.forecast.Period;
import io.livechain.forecast.StreamWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The product forecaster on every synthetic SKU: the shape of its answers, whatever the demand. */
class ForecastOnSyntheticDemandTest {

    private final DemandForecaster forecaster = new DemandForecaster();

    @Test
    void keeps_intervals_non_negative_and_around_the_expectation() {
        // given every synthetic SKU, two weeks before the end of its data
        for (SyntheticDemand.Sku sku : SyntheticDemand.generate(7)) {
            int hours = sku.hourlyUnits().length - 14 * 24;
            Instant origin = sku.firstHour().plus(Duration.ofHours(hours));
            DemandHistory history = new DemandHistory(
                    sku.firstHour(),
                    Arrays.copyOf(sku.hourlyUnits(), hours),
                    sku.streams().stream()
                            .filter(s -> s.start().isBefore(origin))
                            .toList());
            List<StreamWindow> scheduled = sku.streams().stream()
                    .filter(s -> !s.start().isBefore(origin))
                    .toList();

            // when
            Forecast forecast = forecaster.forecast(history, scheduled, origin);

            // then
            List<Period> periods = new ArrayList<>(forecast.hourly());
            periods.addAll(forecast.daily());
            assertThat(periods).allSatisfy(period -> {
                assertThat(period.low()).isGreaterThanOrEqualTo(0);
                assertThat(period.low()).isLessThanOrEqualTo(period.expected());
                assertThat(period.expected()).isLessThanOrEqualTo(period.high());
            });
            assertThat(forecast.daily())
                    .as("%s: a day's interval has width", sku.name())
                    .allSatisfy(day -> assertThat(day.high()).isGreaterThan(day.low()));
        }
    }
}
