package io.livechain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DemandModelTest {

    private static final Instant MONDAY = Instant.parse("2025-06-02T00:00:00Z");
    private static final double SMOOTHEST = 0.03;

    @Test
    void a_steady_low_count_sku_keeps_the_smoothest_level() {
        // given twenty histories of eight weeks at a steady 0.3 units an hour (about 7 a day), each drawn anew
        int smoothest = 0;
        for (long seed = 1; seed <= 20; seed++) {
            int[] units = draw(seed, 56, 0.3, 0.3);

            // when
            DemandModel model =
                    DemandModel.fit(new DemandHistory(MONDAY, units, List.of()), ForecastSettings.defaults());

            // then
            smoothest += model.smoothing == SMOOTHEST ? 1 : 0;
        }
        // the smoothest level wins unless a faster one's in-sample edge exceeds its noise (by chance, now and then)
        assertThat(smoothest).isGreaterThanOrEqualTo(17);
    }

    @Test
    void a_level_that_truly_moved_is_still_followed() {
        // given twenty histories whose demand tripled three weeks before their end
        for (long seed = 1; seed <= 20; seed++) {
            int[] units = draw(seed, 56, 0.3, 0.9);

            // when
            DemandModel model =
                    DemandModel.fit(new DemandHistory(MONDAY, units, List.of()), ForecastSettings.defaults());

            // then the level reacts: the faster level's edge is far beyond chance
            assertThat(model.smoothing).isGreaterThanOrEqualTo(0.1);
            assertThat(model.level * 24).isGreaterThan(0.75 * 0.9 * 24);
        }
    }

    @Test
    void a_low_count_sku_without_a_weekday_pattern_gets_flat_weekdays() {
        // given twenty histories of eight weeks at 0.3 units an hour every day of the week
        int flat = 0;
        for (long seed = 1; seed <= 20; seed++) {
            int[] units = weekly(seed, 56, 0.3, 1.0);

            // when
            DemandModel model =
                    DemandModel.fit(new DemandHistory(MONDAY, units, List.of()), ForecastSettings.defaults());

            // then
            flat += model.flatWeekdays() ? 1 : 0;
        }
        // the flat weekdays win unless the profile's trial edge exceeds its noise (by chance, now and then)
        assertThat(flat).isGreaterThanOrEqualTo(16);
    }

    @Test
    void a_low_count_sku_keeps_a_weekday_pattern_its_trials_show() {
        // given twenty histories of eight weeks at 0.3 units an hour, three times that on weekends
        for (long seed = 1; seed <= 20; seed++) {
            int[] units = weekly(seed, 56, 0.3, 3.0);

            // when
            DemandModel model =
                    DemandModel.fit(new DemandHistory(MONDAY, units, List.of()), ForecastSettings.defaults());

            // then the weekend is expected to sell more than the weekdays
            assertThat(model.flatWeekdays()).isFalse();
            assertThat(model.dayOfWeek[5]).isGreaterThan(1.5 * model.dayOfWeek[2]);
        }
    }

    @Test
    void a_busy_sku_keeps_its_day_of_week_profile() {
        // given twenty histories of eight weeks at 5 units an hour, a quarter more on weekends
        for (long seed = 1; seed <= 20; seed++) {
            int[] units = weekly(seed, 56, 5, 1.25);

            // when
            DemandModel model =
                    DemandModel.fit(new DemandHistory(MONDAY, units, List.of()), ForecastSettings.defaults());

            // then its days sell far more than a few units: the flat weekdays are not a candidate
            assertThat(model.flatWeekdays()).isFalse();
            assertThat(model.dayOfWeek[5]).isGreaterThan(model.dayOfWeek[2]);
        }
    }

    /** Poisson hourly demand over {@code days} from a Monday: {@code rate} an hour, times {@code weekend} on weekends. */
    private static int[] weekly(long seed, int days, double rate, double weekend) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] units = new int[days * 24];
        for (int t = 0; t < units.length; t++) {
            boolean saturdayOrSunday = (t / 24) % 7 >= 5;
            units[t] = DemandForecasterTest.poisson(random, rate * (saturdayOrSunday ? weekend : 1));
        }
        return units;
    }

    /** Poisson hourly demand over {@code days}: {@code before} an hour, then {@code after} for the last 21 days. */
    private static int[] draw(long seed, int days, double before, double after) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] units = new int[days * 24];
        for (int t = 0; t < units.length; t++) {
            units[t] = DemandForecasterTest.poisson(random, t < (days - 21) * 24 ? before : after);
        }
        return units;
    }
}
