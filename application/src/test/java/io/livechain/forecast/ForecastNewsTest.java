package io.livechain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastNewsTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-11-30T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void the_first_forecast_is_news() {
        assertThat(ForecastNews.worthTelling(null, forecast(MIDNIGHT, 0, 0))).isTrue();
    }

    @Test
    void the_same_forecast_an_hour_on_is_not_news() {
        // the window moves on by an hour: the hours and days both cover are unchanged
        assertThat(ForecastNews.worthTelling(forecast(MIDNIGHT, 2, 48), forecast(MIDNIGHT.plus(HOUR), 2, 48)))
                .isFalse();
    }

    @Test
    void a_day_moved_by_a_tenth_and_a_unit_is_news_and_a_smaller_move_is_not() {
        Forecast told = forecast(MIDNIGHT, 2, 48);
        assertThat(ForecastNews.worthTelling(told, forecast(MIDNIGHT, 2, 48 + 4.7)))
                .isFalse();
        assertThat(ForecastNews.worthTelling(told, forecast(MIDNIGHT, 2, 48 + 4.9)))
                .isTrue();
        assertThat(ForecastNews.worthTelling(told, forecast(MIDNIGHT, 2, 48 - 4.9)))
                .isTrue();
    }

    @Test
    void a_quiet_skus_fraction_of_a_unit_is_not_news() {
        // a tenth of a unit a day more is a large share, but not a unit
        assertThat(ForecastNews.worthTelling(forecast(MIDNIGHT, 0.01, 0.2), forecast(MIDNIGHT, 0.02, 0.9)))
                .isFalse();
    }

    @Test
    void the_next_hours_moved_together_are_news_though_no_day_moved_enough() {
        // every hour a fifth of a unit more: 4.8 units over the day's 24 hours, a tenth of the 48 told
        Forecast told = forecast(MIDNIGHT, 2, 480);
        assertThat(ForecastNews.worthTelling(told, forecast(MIDNIGHT, 2.2, 480)))
                .isTrue();
        assertThat(ForecastNews.worthTelling(told, forecast(MIDNIGHT, 2.1, 480)))
                .isFalse();
    }

    /** 24 hours from {@code start} expecting {@code perHour} each, and 14 days from its midnight {@code perDay}. */
    private static Forecast forecast(Instant start, double perHour, double perDay) {
        List<Period> hourly = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant from = start.plus(HOUR.multipliedBy(h));
            hourly.add(new Period(from, from.plus(HOUR), perHour, 0, perHour * 2));
        }
        List<Period> daily = new ArrayList<>();
        Instant midnight = start.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        for (int d = 0; d < 14; d++) {
            Instant from = midnight.plus(Duration.ofDays(d));
            daily.add(new Period(from, from.plus(Duration.ofDays(1)), perDay, 0, perDay * 2));
        }
        return new Forecast(start, hourly, daily);
    }
}
