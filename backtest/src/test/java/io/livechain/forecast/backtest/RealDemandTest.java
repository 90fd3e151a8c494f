package io.livechain.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealDemandTest {

    @Test
    void reads_the_hourly_series_and_thins_it_to_low_counts_with_a_known_mean(@TempDir Path directory)
            throws Exception {
        // given an hourly file as fetch.sh writes it: a comment, then one total a line
        StringBuilder file = new StringBuilder("# a comment\n");
        for (int t = 0; t < 48; t++) {
            file.append(t % 24 < 12 ? "1000\n" : "3000.0\n");
        }
        Files.writeString(directory.resolve(RealDemand.FILE), file);

        // when
        List<SyntheticDemand.Sku> series = RealDemand.load(directory, 42);

        // then the series as recorded, and a thinned one whose mean keeps its shape at 0.3 units an hour
        assertThat(series).extracting(SyntheticDemand.Sku::name).containsExactly(RealDemand.TAYLOR, RealDemand.THINNED);
        assertThat(series.getFirst().hourlyUnits()).hasSize(48).startsWith(1000).endsWith(3000);
        assertThat(series.getFirst().mean()).isNull();
        double[] mean = series.get(1).mean();
        assertThat(mean[0]).isEqualTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mean[12]).isEqualTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RealDemand.load(directory, 42)).isEqualTo(series);
    }

    @Test
    void finds_nothing_where_nothing_was_fetched(@TempDir Path directory) {
        assertThat(RealDemand.load(directory, 42)).isEmpty();
    }
}
