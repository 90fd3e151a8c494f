package io.livechain.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.backtest.Backtest.Report;
import io.livechain.forecast.backtest.Backtest.Resolution;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BacktestTest {

    /** One run per seed for all the tests (each takes seconds: every forecast weighs its candidates). */
    private static final Map<Long, Report> REPORTS = new ConcurrentHashMap<>();

    private static Report report(long seed) {
        return REPORTS.computeIfAbsent(seed, s -> Backtest.run(SyntheticDemand.generate(s), new DemandForecaster()));
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void the_forecast_beats_both_naive_forecasts_on_busy_skus_and_streams(long seed) {
        // given the synthetic demand of the seed
        // when
        Report report = report(seed);

        // then
        for (String group : List.of(Backtest.HIGH_COUNT, Backtest.STREAM_LIFTED)) {
            for (Resolution resolution : Resolution.values()) {
                assertThat(report.all(group, resolution).ratio()).as(group).isLessThan(1);
                assertThat(report.all(group, resolution).ratioLastWeek())
                        .as(group)
                        .isLessThan(1);
            }
        }
        assertThat(report.all(Backtest.HIGH_COUNT, Resolution.HOURLY).ratioLastWeek())
                .isLessThan(0.8);
        assertThat(report.all(Backtest.YOUNG, Resolution.HOURLY).ratioLastWeek())
                .isLessThan(1);
        assertThat(report.all(Backtest.YOUNG, Resolution.DAILY).ratio()).isLessThan(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void intermittent_demand_is_forecast_close_to_its_true_mean(long seed) {
        // given the synthetic demand of the seed
        // when
        Report report = report(seed);

        // then within 5% of knowing the true mean, hours and days (seeds 42, 1, 2: hours 0.97-1.03, days 0.99-1.03;
        // a level that chased the counting noise held the days to 1.01-1.06, a weekday profile estimated from a few
        // units a day to 1.00-1.05)
        assertThat(report.all(Backtest.INTERMITTENT, Resolution.HOURLY).overFloor())
                .isBetween(0.9, 1.05);
        assertThat(report.all(Backtest.INTERMITTENT, Resolution.DAILY).overFloor())
                .isBetween(0.95, 1.05);
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void the_80_percent_intervals_hold_about_80_percent_of_the_actual_demand(long seed) {
        // given the synthetic demand of the seed
        // when
        Report report = report(seed);

        // then
        assertThat(report.all(Backtest.HIGH_COUNT, Resolution.HOURLY).coverage())
                .isBetween(0.74, 0.86);
        assertThat(report.all(Backtest.HIGH_COUNT, Resolution.DAILY).coverage()).isBetween(0.65, 0.92);
        assertThat(report.all(Backtest.COLD_START, Resolution.HOURLY).coverage())
                .isBetween(0.7, 0.9);
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void the_forecast_distributions_put_80_percent_of_the_outcomes_inside_their_central_80_percent(long seed) {
        // given the synthetic demand of the seed
        // when
        Report report = report(seed);

        // then the PIT coverage holds at high and low counts, where plain counting cannot (quiet hours: any
        // interval holding 0 holds over 90%)
        for (String group : List.of(Backtest.HIGH_COUNT, Backtest.INTERMITTENT, Backtest.YOUNG, Backtest.COLD_START)) {
            assertThat(report.all(group, Resolution.HOURLY).pitCoverage())
                    .as(group)
                    .isBetween(0.75, 0.86);
        }
        assertThat(report.all(Backtest.INTERMITTENT, Resolution.HOURLY).coverage())
                .isGreaterThan(0.9);
        for (String group : List.of(Backtest.INTERMITTENT, Backtest.STREAM_LIFTED)) {
            assertThat(report.all(group, Resolution.DAILY).pitCoverage())
                    .as(group)
                    .isBetween(0.72, 0.88);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void a_new_skus_first_stream_is_forecast_from_the_merchants_prior(long seed) {
        // given the synthetic demand of the seed
        // when
        Report report = report(seed);

        // then far better than the naive (which saw nothing yesterday) and than no lift at all
        double withPrior = report.all(Backtest.FIRST_STREAM, Resolution.HOURLY).mase();
        double withoutPrior =
                report.all(Backtest.FIRST_STREAM_NO_PRIOR, Resolution.HOURLY).mase();
        assertThat(report.all(Backtest.FIRST_STREAM, Resolution.HOURLY).ratio()).isLessThan(0.6);
        assertThat(withPrior).isLessThan(withoutPrior / 2);
        assertThat(report.all(Backtest.COLD_START, Resolution.HOURLY).ratio()).isLessThan(1);
        assertThat(report.all(Backtest.COLD_START, Resolution.DAILY).ratio()).isLessThan(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED})
    void prints_every_regime(long seed) {
        // given
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        Backtest.print(
                report(seed),
                skus,
                List.of(),
                seed,
                Path.of("nowhere"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .contains("== every regime, all horizons ==")
                .contains("== high-count seasonal ==", "== intermittent ==", "== stream-lifted ==")
                .contains("== cold start, first 7 days ==", "== cold start, first stream ==")
                .contains("hours 13-24", "days  8-14", "days  1-14")
                .contains("PIT", "Czado, Gneiting & Held")
                .contains("backtest/real-data/fetch.sh");
    }

    @Test
    void summarises_the_thinned_series_over_thinning_draws(@TempDir Path directory) throws Exception {
        // given twelve weeks of a recorded hourly series: a daily curve, weekends lower
        StringBuilder file = new StringBuilder("# hourly totals\n");
        for (int t = 0; t < 12 * 7 * 24; t++) {
            double day = (t / 24) % 7 >= 5 ? 0.85 : 1.0;
            file.append(Math.round(60_000 * day * (1 + 0.4 * Math.sin(2 * Math.PI * (t % 24) / 24))))
                    .append('\n');
        }
        Files.writeString(directory.resolve(RealDemand.FILE), file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        List<Report> reports = Backtest.thinnedReports(directory, 2);
        boolean printed = Backtest.summariseThinned(directory, 2, new PrintStream(out, true, StandardCharsets.UTF_8));

        // then one report per draw, each a different Poisson thinning of the same series, and their summary
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).all(Backtest.REAL_THINNED, Resolution.DAILY).mae())
                .isNotEqualTo(reports.get(1)
                        .all(Backtest.REAL_THINNED, Resolution.DAILY)
                        .mae());
        assertThat(reports.get(0).all(Backtest.REAL_THINNED, Resolution.DAILY).overFloor())
                .isBetween(0.9, 1.3);
        assertThat(printed).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("taylor thinned, thinning draws 1..2")
                .contains(Backtest.REAL_THINNED + "   hours", Backtest.REAL_THINNED + "   days")
                .doesNotContain(Backtest.REAL_HOURLY);
    }

    @Test
    void summarises_no_thinned_series_where_nothing_was_fetched(@TempDir Path directory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(Backtest.summariseThinned(directory, 2, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(out.size()).isZero();
    }
}
