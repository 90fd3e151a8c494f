package io.livechain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void picks_the_interval_nearest_the_coverage_among_those_next_to_the_quantiles() {
        // Poisson(2): the 10% and 90% quantiles 0 and 4 hold 94.7%; 1 to 4 hold 81.2%
        assertThat(CountDistribution.interval(2, 2, 0.8)).containsExactly(1, 4);
        assertThat(CountDistribution.cdf(2, 2, 4) - CountDistribution.cdf(2, 2, 0))
                .isBetween(0.81, 0.815);
        // Poisson(0.1): any interval holding 0 holds 90%, and none without it holds 10%
        assertThat(CountDistribution.interval(0.1, 0.1, 0.8)).containsExactly(0, 0);
        // large counts: the central quantiles
        assertThat(CountDistribution.interval(10_000, 10_000, 0.8)[0])
                .isEqualTo(CountDistribution.quantile(10_000, 10_000, 0.1));
    }

    @Test
    void handles_large_means_without_underflow() {
        // Poisson(100000): the 90% quantile is about 100000 + 1.2816 × 316.2
        assertThat(CountDistribution.quantile(100_000, 100_000, 0.9)).isBetween(100_404, 100_407);
    }

    @Test
    void a_periods_distribution_counts_what_was_already_ordered_before_its_negative_binomial() {
        // given 3 units ordered and a Poisson(2) to come
        CountDistribution demand = new CountDistribution(3, 2, 2);

        // then P(Y <= 2) = 0 below the 3 units; P(Y <= 3) = e^-2; P(Y <= 7) = P(Poisson(2) <= 4) = 0.947
        assertThat(demand.cdf(2)).isZero();
        assertThat(demand.cdf(3)).isCloseTo(Math.exp(-2), within(1e-12));
        assertThat(demand.cdf(7)).isCloseTo(CountDistribution.cdf(2, 2, 4), within(1e-12));
        assertThat(demand.cdf(7)).isBetween(0.947, 0.948);
    }

    @Test
    void a_large_means_distribution_is_the_normal_with_a_continuity_correction() {
        // given a mean of 100,000 with a standard deviation of 1,000
        CountDistribution demand = new CountDistribution(0, 100_000, 1_000_000);

        // then half of it lies at or below the mean, 84% at or below one deviation above it
        assertThat(demand.cdf(100_000)).isCloseTo(0.5, within(0.001));
        assertThat(demand.cdf(101_000)).isCloseTo(0.8413, within(0.001));
        assertThat(demand.cdf(-1)).isZero();
    }

    @Test
    void credits_a_count_with_the_share_of_its_probability_inside_the_central_coverage() {
        // given Poisson(0.1): P(0) = 0.905
        CountDistribution quiet = new CountDistribution(0, 0.1, 0.1);

        // then a 0 is credited with |[0, 0.905] ∩ [0.1, 0.9]| / 0.905, a 1 (F(0) = 0.905 above 0.9) with nothing
        assertThat(quiet.pitCredit(0, 0.8)).isCloseTo(0.8 / quiet.cdf(0), within(1e-12));
        assertThat(quiet.pitCredit(1, 0.8)).isZero();
        // and hours drawn from it earn 80% on average: P(0) × 0.8 / P(0)
        double average = 0;
        for (int y = 0; y < 10; y++) {
            average += (quiet.cdf(y) - quiet.cdf(y - 1)) * quiet.pitCredit(y, 0.8);
        }
        assertThat(average).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void a_calibrated_distribution_earns_its_coverage_at_any_count() {
        // given negative binomials from a handful of units to many thousands
        for (double mean : new double[] {0.5, 3, 40, 200}) {
            CountDistribution demand = new CountDistribution(0, mean, mean + 0.2 * mean * mean);

            // when its own outcomes are credited, weighted by their probability
            double average = 0;
            for (int y = 0; y < 50 * mean + 50; y++) {
                average += (demand.cdf(y) - demand.cdf(y - 1)) * demand.pitCredit(y, 0.8);
            }

            // then
            assertThat(average).as("mean %s", mean).isCloseTo(0.8, within(1e-6));
        }
        // and far out, nothing; at the centre of a large mean, everything
        CountDistribution large = new CountDistribution(0, 100_000, 1_000_000);
        assertThat(large.pitCredit(100_000, 0.8)).isEqualTo(1);
        assertThat(large.pitCredit(105_000, 0.8)).isZero();
    }

    @Test
    void rejects_negative_counts() {
        assertThatThrownBy(() -> new CountDistribution(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountDistribution(-2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void is_zero_for_zero_demand() {
        assertThat(CountDistribution.quantile(0, 0, 0.9)).isZero();
        assertThat(new CountDistribution(0, 0, 0).cdf(0)).isEqualTo(1);
    }
}
