package io.livechain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DemandForecasterTest {

    private static final Instant MONDAY = Instant.parse("2025-06-02T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final DemandForecaster forecaster = new DemandForecaster();

    @Test
    void gives_24_contiguous_hours_from_the_end_of_the_history_and_14_utc_days_from_the_next_midnight() {
        // given 10 days and 13 hours of history, ending at 13:00
        DemandHistory history = new DemandHistory(MONDAY, steadyDemand(10 * 24 + 13), List.of());
        Instant now = MONDAY.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(13 * 60 + 20));

        // when
        Forecast forecast = forecaster.forecast(history, List.of(), now);

        // then
        assertThat(forecast.generatedAt()).isEqualTo(now);
        assertThat(forecast.hourly()).hasSize(24);
        assertThat(forecast.daily()).hasSize(14);
        assertThat(forecast.hourly().getFirst().start()).isEqualTo(history.end());
        assertContiguous(forecast.hourly(), HOUR);
        assertThat(forecast.daily().getFirst().start()).isEqualTo(MONDAY.plus(Duration.ofDays(11)));
        assertContiguous(forecast.daily(), DAY);
    }

    @Test
    void starts_at_the_current_hour_and_forecasts_zero_without_history() {
        // given
        Instant now = Instant.parse("2025-06-02T10:37:12Z");

        // when
        Forecast forecast = forecaster.forecast(DemandHistory.none(now), List.of(), now);

        // then
        assertThat(forecast.hourly().getFirst().start()).isEqualTo(Instant.parse("2025-06-02T10:00:00Z"));
        assertThat(forecast.daily().getFirst().start()).isEqualTo(Instant.parse("2025-06-03T00:00:00Z"));
        assertAllZero(forecast);
    }

    @Test
    void forecasts_zero_without_history_when_a_scheduled_stream_offers_an_unknown_quantity() {
        // given nothing taught a lift, and no offer quantity to start from
        Instant now = MONDAY.plus(Duration.ofHours(9));
        StreamWindow tonight = new StreamWindow(MONDAY.plus(Duration.ofHours(20)), MONDAY.plus(Duration.ofHours(22)));

        // when
        Forecast forecast = forecaster.forecast(DemandHistory.none(now), List.of(tonight), now);

        // then
        assertAllZero(forecast);
    }

    @Test
    void forecasts_zero_for_a_sku_that_never_sold() {
        // given four weeks of zeros
        DemandHistory history = new DemandHistory(MONDAY, new int[28 * 24], List.of());

        // when
        Forecast forecast = forecaster.forecast(history, List.of(), history.end());

        // then
        assertAllZero(forecast);
        assertThat(DemandForecaster.upperDemand(forecast, Duration.ofDays(10))).isZero();
    }

    @Test
    void lifts_the_hours_a_scheduled_stream_covers_once_past_streams_taught_the_lift() {
        // given four weeks of demand with a one-hour stream at 20:00 each Thursday selling 150 units
        int[] units = steadyDemand(28 * 24);
        List<StreamWindow> past = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            Instant start = MONDAY.plus(Duration.ofDays(7L * week + 3)).plus(Duration.ofHours(20));
            past.add(new StreamWindow(start, start.plus(HOUR)));
            units[(7 * week + 3) * 24 + 20] = 150;
        }
        DemandHistory history = new DemandHistory(MONDAY, units, past);
        Instant now = history.end();
        StreamWindow tonight = new StreamWindow(now.plus(Duration.ofHours(20)), now.plus(Duration.ofHours(22)));

        // when
        Forecast plain = forecaster.forecast(history, List.of(), now);
        Forecast lifted = forecaster.forecast(history, List.of(tonight), now);

        // then the stream's hours are lifted by about the past excess (140 units an hour), the others are not
        for (int hour = 0; hour < 24; hour++) {
            Period withStream = lifted.hourly().get(hour);
            Period without = plain.hourly().get(hour);
            if (hour == 20 || hour == 21) {
                assertThat(withStream.expected() - without.expected()).isBetween(100.0, 180.0);
                assertThat(withStream.low()).isGreaterThan(without.high());
            } else {
                assertThat(withStream).isEqualTo(without);
            }
        }
        assertThat(lifted.daily().getFirst().expected()
                        - plain.daily().getFirst().expected())
                .isBetween(200.0, 360.0);
        assertThat(lifted.daily().get(1)).isEqualTo(plain.daily().get(1));
    }

    @Test
    void a_streams_interval_is_as_wide_as_past_streams_missed_the_lift_the_streams_before_them_taught() {
        // given two SKUs streaming at 20:00 each Tuesday and Thursday for four weeks: one sells 150 units each time,
        // the other 60 and 240 in turn (the same average)
        Period steady = nextStreamHour(week -> 150);
        Period varying = nextStreamHour(stream -> stream % 2 == 0 ? 60 : 240);

        // then both expect about 150 more than the hour's usual 10, and the varying one's interval holds its swings
        assertThat(steady.expected()).isBetween(130.0, 190.0);
        assertThat(varying.expected()).isBetween(130.0, 190.0);
        assertThat(varying.high() - varying.low()).isGreaterThan(3 * (steady.high() - steady.low()));
        assertThat(varying.low()).isLessThan(varying.expected() - 60);
        assertThat(varying.high()).isGreaterThan(varying.expected() + 60);
    }

    /** The forecast of 20:00 on the fifth Tuesday, on air, after eight past streams selling {@code sold(k)} units. */
    private Period nextStreamHour(java.util.function.IntUnaryOperator sold) {
        int[] units = steadyDemand(29 * 24);
        List<StreamWindow> past = new ArrayList<>();
        int k = 0;
        for (int week = 0; week < 4; week++) {
            for (int day : new int[] {1, 3}) {
                Instant start = MONDAY.plus(Duration.ofDays(7L * week + day)).plus(Duration.ofHours(20));
                past.add(new StreamWindow(start, start.plus(HOUR)));
                units[(7 * week + day) * 24 + 20] = sold.applyAsInt(k++);
            }
        }
        DemandHistory history = new DemandHistory(MONDAY, units, past);
        Instant tuesday = history.end();
        StreamWindow next = new StreamWindow(tuesday.plus(Duration.ofHours(20)), tuesday.plus(Duration.ofHours(21)));
        return forecaster
                .forecast(history, List.of(next), history.end())
                .hourly()
                .get(20);
    }

    @Test
    void lifts_a_partly_covered_hour_by_the_covered_share() {
        // given the same history with weekly streams
        int[] units = steadyDemand(28 * 24);
        List<StreamWindow> past = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            Instant start = MONDAY.plus(Duration.ofDays(7L * week + 3)).plus(Duration.ofHours(20));
            past.add(new StreamWindow(start, start.plus(HOUR)));
            units[(7 * week + 3) * 24 + 20] = 150;
        }
        DemandHistory history = new DemandHistory(MONDAY, units, past);
        Instant now = history.end();
        Instant at20 = now.plus(Duration.ofHours(20));

        // when a stream covers 20:30-21:00 only
        Forecast plain = forecaster.forecast(history, List.of(), now);
        Forecast half = forecaster.forecast(
                history, List.of(new StreamWindow(at20.plus(Duration.ofMinutes(30)), at20.plus(HOUR))), now);
        Forecast full = forecaster.forecast(history, List.of(new StreamWindow(at20, at20.plus(HOUR))), now);

        // then
        double halfLift =
                half.hourly().get(20).expected() - plain.hourly().get(20).expected();
        double fullLift =
                full.hourly().get(20).expected() - plain.hourly().get(20).expected();
        assertThat(halfLift).isCloseTo(fullLift / 2, within(1e-9));
    }

    @Test
    void does_not_lift_a_scheduled_stream_of_unknown_quantity_when_no_past_stream_taught_a_lift() {
        // given
        DemandHistory history = new DemandHistory(MONDAY, steadyDemand(28 * 24), List.of());
        Instant now = history.end();
        StreamWindow tonight = new StreamWindow(now.plus(Duration.ofHours(20)), now.plus(Duration.ofHours(22)));

        // when
        Forecast plain = forecaster.forecast(history, List.of(), now);
        Forecast scheduled = forecaster.forecast(history, List.of(tonight), now);

        // then
        assertThat(scheduled).isEqualTo(plain);
    }

    @Test
    void lifts_a_skus_first_stream_by_the_priors_share_of_its_offer() {
        // given a new SKU with nothing sold, and its first stream tonight: 2 hours offering 200 units
        Instant now = MONDAY.plus(Duration.ofHours(9));
        StreamWindow launch =
                new StreamWindow(MONDAY.plus(Duration.ofHours(20)), MONDAY.plus(Duration.ofHours(22)), 200);
        StreamPrior prior = StreamPrior.learnedFrom(List.of(new StreamPrior.Outcome(100, 30)));

        // when
        Forecast forecast = forecaster.forecast(DemandHistory.none(now), 0, List.of(launch), prior, now);

        // then each hour on air expects the prior's share of half the offer, the others nothing
        double perHour = prior.share() * 200 / 2;
        for (Period period : forecast.hourly()) {
            boolean onAir = !launch.overlap(period.start(), period.end()).isZero();
            assertThat(period.expected()).isCloseTo(onAir ? perHour : 0, within(1e-9));
            if (onAir) {
                assertThat(period.low()).isLessThan(perHour);
                assertThat(period.high()).isGreaterThan(perHour);
            }
        }
    }

    @Test
    void learns_the_share_of_an_offer_that_streams_sell_shrunk_toward_half() {
        // given
        List<StreamPrior.Outcome> none = List.of();
        List<StreamPrior.Outcome> two = List.of(new StreamPrior.Outcome(100, 20), new StreamPrior.Outcome(300, 60));
        List<StreamPrior.Outcome> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new StreamPrior.Outcome(100, 20));
        }

        // when / then: the default without streams, halfway with two, its own record with many
        assertThat(StreamPrior.learnedFrom(none).share()).isEqualTo(StreamPrior.DEFAULT_SHARE);
        assertThat(StreamPrior.learnedFrom(two).share())
                .isCloseTo((80 + 2 * 200 * 0.5) / (400 + 2 * 200), within(1e-9));
        assertThat(StreamPrior.learnedFrom(many).share()).isCloseTo(0.2, within(0.01));
    }

    @Test
    void the_hour_under_way_never_forecasts_less_than_it_has_sold() {
        // given a quiet SKU, and at 19:20 a sale that sold 30 units since 19:00
        DemandHistory history = new DemandHistory(MONDAY, steadyDemand(7 * 24 + 19), List.of());
        Instant now = history.end().plus(Duration.ofMinutes(20));

        // when
        Forecast plain = forecaster.forecast(history, List.of(), history.end());
        Forecast knowing = forecaster.forecast(history, 30, List.of(), StreamPrior.DEFAULT, now);

        // then the hour under way is those 30 units plus two thirds of its usual demand; later hours are unchanged
        Period hour = knowing.hourly().getFirst();
        assertThat(hour.expected()).isCloseTo(30 + plain.hourly().getFirst().expected() * 2 / 3, within(1e-9));
        assertThat(hour.low()).isGreaterThanOrEqualTo(30);
        assertThat(hour.high()).isGreaterThan(30);
        assertThat(knowing.hourly().subList(1, 24)).isEqualTo(plain.hourly().subList(1, 24));
    }

    @Test
    void gives_the_distribution_each_periods_interval_was_taken_from() {
        // given a steady SKU, and at 19:20 30 units sold since 19:00
        DemandHistory history = new DemandHistory(MONDAY, steadyDemand(14 * 24 + 19), List.of());
        Instant now = history.end().plus(Duration.ofMinutes(20));

        // when
        ForecastDistributions both = forecaster.distributions(history, 30, List.of(), StreamPrior.DEFAULT, now);

        // then the same forecast, and each period's distribution has its mean and puts about 80% inside its interval
        assertThat(both.forecast()).isEqualTo(forecaster.forecast(history, 30, List.of(), StreamPrior.DEFAULT, now));
        assertThat(both.hourly()).hasSize(24);
        assertThat(both.daily()).hasSize(14);
        assertThat(both.hourly().getFirst().observed()).isEqualTo(30);
        List<Period> periods = new ArrayList<>(both.forecast().hourly());
        periods.addAll(both.forecast().daily());
        List<CountDistribution> demands = new ArrayList<>(both.hourly());
        demands.addAll(both.daily());
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            CountDistribution demand = demands.get(i);
            assertThat(demand.observed() + demand.mean()).isCloseTo(period.expected(), within(1e-9));
            assertThat(demand.cdf(period.high()) - demand.cdf(period.low() - 1)).isBetween(0.77, 0.95);
            assertThat(demand.cdf(period.low() - 1)).isLessThan(0.2);
        }
    }

    @Test
    void a_day_of_low_counts_that_once_sold_nothing_keeps_a_daily_interval_around_its_mean() {
        // given eight weeks of about 7 units a day (a Poisson of 0.3 an hour), one day of which sold nothing
        SplittableRandom random = new SplittableRandom(4);
        int[] units = new int[56 * 24];
        for (int t = 0; t < units.length; t++) {
            units[t] = poisson(random, 0.3);
        }
        Arrays.fill(units, 40 * 24, 41 * 24, 0);
        DemandHistory history = new DemandHistory(MONDAY, units, List.of());

        // when
        Forecast forecast = forecaster.forecast(history, List.of(), history.end());

        // then the days' intervals are a count's around its mean, not [0, mean] from a dispersion that puts nearly
        // all on no sale (which the one empty day once called for)
        assertThat(forecast.daily()).allSatisfy(day -> {
            assertThat(day.low()).isPositive();
            assertThat(day.high()).isGreaterThan(day.expected() + 1).isLessThan(3 * day.expected());
        });
    }

    @Test
    void a_quiet_skus_hours_put_as_much_on_no_sale_as_its_history_had() {
        // given five weeks in which 1 hour in 25 sold 2 units (4% of hours, a mean of 0.08), every other hour nothing
        int[] units = new int[35 * 24];
        for (int t = 0; t < units.length; t += 25) {
            units[t] = 2;
        }
        DemandHistory history = new DemandHistory(MONDAY, units, List.of());

        // when
        ForecastDistributions forecast =
                forecaster.distributions(history, 0, List.of(), StreamPrior.DEFAULT, history.end());

        // then each hour expects about 0.08 units and puts near 96% on none, not a Poisson's 92%
        for (CountDistribution hour : forecast.hourly()) {
            assertThat(hour.mean()).isBetween(0.05, 0.11);
            assertThat(hour.cdf(0)).isGreaterThan(0.945);
        }
        // and the interval of whole units that holds 0 holds it all
        assertThat(forecast.forecast().hourly())
                .allSatisfy(period -> assertThat(period.low()).isZero());
    }

    @Test
    void a_day_that_starts_with_the_hour_under_way_counts_what_it_sold() {
        // given the forecast starts at midnight, and 40 units sold in the first minutes
        DemandHistory history = new DemandHistory(MONDAY, steadyDemand(7 * 24), List.of());
        Instant now = history.end().plus(Duration.ofMinutes(6));

        // when
        Forecast forecast = forecaster.forecast(history, 40, List.of(), StreamPrior.DEFAULT, now);

        // then
        assertThat(forecast.daily().getFirst().start()).isEqualTo(history.end());
        assertThat(forecast.daily().getFirst().low()).isGreaterThanOrEqualTo(40);
        assertThat(forecast.daily().getFirst().expected()).isGreaterThan(40);
    }

    @Test
    void learns_each_weekdays_own_daily_shape_when_its_errors_say_so() {
        // given six weeks where weekdays peak at 19:00 and weekends at 10:00 (40 units against 5 otherwise)
        int[] units = new int[42 * 24];
        for (int t = 0; t < units.length; t++) {
            boolean weekend = (t / 24) % 7 >= 5;
            units[t] = (t % 24) == (weekend ? 10 : 19) ? 40 : 5;
        }

        // when: the forecast made on the sixth Friday at midnight covers Friday; the next one, Saturday
        Forecast friday = forecaster.forecast(
                new DemandHistory(MONDAY, java.util.Arrays.copyOf(units, 39 * 24), List.of()),
                List.of(),
                MONDAY.plus(Duration.ofDays(39)));
        Forecast next = forecaster.forecast(
                new DemandHistory(MONDAY, java.util.Arrays.copyOf(units, 40 * 24), List.of()),
                List.of(),
                MONDAY.plus(Duration.ofDays(40)));

        // then each day's peak is where that weekday's is, close to its 40 units
        assertThat(friday.hourly().get(19).expected()).isCloseTo(40, within(4.0));
        assertThat(friday.hourly().get(10).expected()).isCloseTo(5, within(2.0));
        assertThat(next.hourly().get(10).expected()).isCloseTo(40, within(4.0));
        assertThat(next.hourly().get(19).expected()).isCloseTo(5, within(2.0));
    }

    @Test
    void follows_the_hour_of_day_and_day_of_week_of_a_steady_history() {
        // given: 4 units an hour, 10 in the evening (18:00-22:59), twice as much on Saturdays
        DemandHistory history = new DemandHistory(MONDAY, steadyDemand(28 * 24), List.of());

        // when
        Forecast forecast = forecaster.forecast(history, List.of(), history.end());

        // then
        assertThat(forecast.hourly().get(3).expected()).isCloseTo(4, within(0.5));
        assertThat(forecast.hourly().get(19).expected()).isCloseTo(10, within(1.0));
        assertThat(forecast.daily().get(0).expected()).isCloseTo(5 * 10 + 19 * 4, within(8.0)); // Monday
        assertThat(forecast.daily().get(5).expected()).isCloseTo(2 * (5 * 10 + 19 * 4), within(16.0)); // Saturday
    }

    @Test
    void a_single_spike_does_not_return_as_a_daily_spike() {
        // given two weeks of zeros but one hour with 50 units
        int[] units = new int[14 * 24];
        units[10 * 24 + 15] = 50;
        DemandHistory history = new DemandHistory(MONDAY, units, List.of());

        // when
        Forecast forecast = forecaster.forecast(history, List.of(), history.end());

        // then
        double next24Hours = DemandForecaster.expectedDemand(forecast, DAY);
        assertThat(next24Hours).isPositive().isLessThan(25);
        assertThat(forecast.hourly().get(15).expected()).isLessThan(5);
        assertThat(forecast.hourly()).allSatisfy(hour -> assertThat(hour.low()).isZero());
    }

    @Test
    void sums_demand_over_a_time_from_the_hours_then_the_prorated_days() {
        // given a forecast starting at 12:00: one unit an hour (high 2), then 24 a day (high 40), more in week 2
        Instant start = MONDAY.plus(Duration.ofHours(12));
        List<Period> hourly = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant from = start.plus(HOUR.multipliedBy(h));
            hourly.add(new Period(from, from.plus(HOUR), 1, 0, 2));
        }
        List<Period> daily = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            Instant from = MONDAY.plus(DAY.multipliedBy(d + 1));
            daily.add(new Period(from, from.plus(DAY), 24 + (d >= 7 ? d - 6 : 0), 0, 40));
        }
        Forecast forecast = new Forecast(start, hourly, daily);

        // then
        assertThat(DemandForecaster.expectedDemand(forecast, Duration.ofHours(6)))
                .isCloseTo(6, within(1e-9));
        assertThat(DemandForecaster.expectedDemand(forecast, Duration.ofMinutes(90)))
                .isCloseTo(1.5, within(1e-9));
        // 24 hours, then the second half of the first day (its first half overlaps the hours)
        assertThat(DemandForecaster.expectedDemand(forecast, Duration.ofHours(36)))
                .isCloseTo(36, within(1e-9));
        assertThat(DemandForecaster.upperDemand(forecast, Duration.ofHours(36))).isCloseTo(48 + 20, within(1e-9));
        // to the end of the 14 days: 24 + 12 + 13 × 24 + (1 + … + 7)
        Duration toEnd = Duration.between(start, daily.getLast().end());
        assertThat(DemandForecaster.expectedDemand(forecast, toEnd)).isCloseTo(24 + 12 + 13 * 24 + 28, within(1e-9));
        // beyond: the last week repeats, here one more day (the 8th day's 25)
        assertThat(DemandForecaster.expectedDemand(forecast, toEnd.plus(DAY)))
                .isCloseTo(24 + 12 + 13 * 24 + 28 + 25, within(1e-9));
        assertThat(DemandForecaster.expectedDemand(forecast, Duration.ZERO)).isZero();
    }

    @Test
    void rejects_a_history_that_does_not_start_on_a_whole_hour_or_has_negative_demand() {
        assertThatThrownBy(() -> new DemandHistory(MONDAY.plusSeconds(60), new int[3], List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemandHistory(MONDAY, new int[] {1, -1}, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(MONDAY, MONDAY.plus(HOUR), 2, 3, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamWindow(MONDAY, MONDAY)).isInstanceOf(IllegalArgumentException.class);
    }

    /** 4 units an hour, 10 from 18:00 to 22:59, all doubled on Saturdays; from {@link #MONDAY}. */
    private static int[] steadyDemand(int hours) {
        int[] units = new int[hours];
        for (int t = 0; t < hours; t++) {
            int hourOfDay = t % 24;
            int base = hourOfDay >= 18 && hourOfDay <= 22 ? 10 : 4;
            units[t] = (t / 24) % 7 == 5 ? 2 * base : base;
        }
        return units;
    }

    /** A Poisson draw (Knuth's product of uniforms). */
    static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static void assertContiguous(List<Period> periods, Duration length) {
        for (int i = 0; i < periods.size(); i++) {
            assertThat(periods.get(i).length()).isEqualTo(length);
            if (i > 0) {
                assertThat(periods.get(i).start()).isEqualTo(periods.get(i - 1).end());
            }
        }
    }

    private static void assertAllZero(Forecast forecast) {
        List<Period> periods = new ArrayList<>(forecast.hourly());
        periods.addAll(forecast.daily());
        assertThat(periods).hasSize(38).allSatisfy(period -> {
            assertThat(period.expected()).isZero();
            assertThat(period.low()).isZero();
            assertThat(period.high()).isZero();
        });
    }
}
