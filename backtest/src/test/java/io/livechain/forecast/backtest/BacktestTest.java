package io.livechain.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.backtest.Backtest.Report;
import io.livechain.forecast.backtest.Backtest.Resolution;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BacktestTest {

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void the_forecast_beats_seasonal_naive_on_synthetic_demand(long seed) {
        // given
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(seed);

        // when
        Report report = Backtest.run(skus, new DemandForecaster());

        // then
        assertThat(report.all(Backtest.OVERALL, Resolution.HOURLY).ratio()).isLessThan(1);
        assertThat(report.all(Backtest.OVERALL, Resolution.DAILY).ratio()).isLessThan(1);
        for (String group : List.of(SyntheticDemand.BUSY, SyntheticDemand.NEW)) {
            assertThat(report.all(group, Resolution.HOURLY).ratio()).as(group).isLessThan(1);
            assertThat(report.all(group, Resolution.DAILY).ratio()).as(group).isLessThan(1);
        }
        assertThat(report.all(Backtest.STREAM_FREE, Resolution.DAILY).ratio()).isLessThan(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void the_80_percent_intervals_hold_about_80_percent_of_the_actual_demand(long seed) {
        // given
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(seed);

        // when
        Report report = Backtest.run(skus, new DemandForecaster());

        // then: at least 80%, and not much more (counts are discrete, so small ones over-cover)
        assertThat(report.all(Backtest.OVERALL, Resolution.HOURLY).coverage()).isBetween(0.75, 0.96);
        assertThat(report.all(Backtest.OVERALL, Resolution.DAILY).coverage()).isBetween(0.75, 0.96);
    }

    @ParameterizedTest
    @ValueSource(longs = {Backtest.DEFAULT_SEED, 1, 2})
    void a_new_skus_first_stream_is_forecast_from_the_merchants_prior(long seed) {
        // given
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(seed);

        // when
        Report report = Backtest.run(skus, new DemandForecaster());

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
    void prints_a_table_per_group_and_overall(long seed) {
        // given
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        Backtest.print(
                Backtest.run(skus, new DemandForecaster()),
                skus,
                seed,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .contains("== busy ==", "== intermittent ==", "== new ==", "== overall ==")
                .contains("== cold start, first 7 days ==", "== cold start, first stream ==")
                .contains("hours   13-24", "days    8-14", "days    1-14");
    }
}
