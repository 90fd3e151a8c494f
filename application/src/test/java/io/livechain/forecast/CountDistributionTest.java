package io.livechain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountDistributionTest {

    @Test
    void gives_poisson_quantiles_when_the_variance_equals_the_mean() {
        // P(Y <= 5) = 0.067, P(Y <= 6) = 0.130; P(Y <= 13) = 0.864, P(Y <= 14) = 0.917 for Poisson(10)
        assertThat(CountDistribution.quantile(10, 10, 0.1)).isEqualTo(6);
        assertThat(CountDistribution.quantile(10, 10, 0.9)).isEqualTo(14);
    }

    @Test
    void widens_with_over_dispersion() {
        // negative binomial with mean 10, size 2 (variance 60): P(Y <= 19) = 0.887, P(Y <= 20) = 0.902
        assertThat(CountDistribution.quantile(10, 60, 0.9)).isEqualTo(20);
        assertThat(CountDistribution.quantile(10, 60, 0.1)).isEqualTo(2);
    }

    @Test
    void handles_large_means_without_underflow() {
        // Poisson(100000): the 90% quantile is about 100000 + 1.2816 × 316.2
        assertThat(CountDistribution.quantile(100_000, 100_000, 0.9)).isBetween(100_404, 100_407);
    }

    @Test
    void is_zero_for_zero_demand() {
        assertThat(CountDistribution.quantile(0, 0, 0.9)).isZero();
    }
}
