package io.livechain.forecast;

/**
 * A period's forecast demand as a distribution of counts: {@code observed} units already ordered plus a negative
 * binomial with the given mean and variance (variance = mean + φ·mean²), Poisson when the variance is not above the
 * mean. What a period's interval is taken from, and what a forecast is scored on where an interval of whole units
 * cannot hold its share (an hour that sells nothing nine times out of ten).
 *
 * <p>The static helpers sum the probabilities term by term in log space, so large means do not underflow; above
 * {@link #NORMAL_FROM} units the normal approximation, within a unit of the sum, saves the thousands of steps.
 */
public record CountDistribution(double observed, double mean, double variance) {

    public CountDistribution {
        if (!(observed >= 0) || !(mean >= 0) || !(variance >= 0) || !Double.isFinite(observed + mean + variance)) {
            throw new IllegalArgumentException("demand counts: expected observed, mean and variance >= 0, got "
                    + observed + ", " + mean + ", " + variance);
        }
    }

    /** P(demand ≤ {@code units}): 0 below what was already ordered. */
    public double cdf(double units) {
        double rest = Math.floor(units - observed + 1e-9);
        if (rest < 0) {
            return 0;
        }
        if (mean > NORMAL_FROM) {
            return normalCdf((rest + 0.5 - mean) / Math.sqrt(Math.max(variance, mean)));
        }
        return cdf(mean, variance, (int) Math.min(Integer.MAX_VALUE, rest));
    }

    /** Above this mean, quantiles come from the normal approximation. */
    static final double NORMAL_FROM = 5_000;

    /** The standard normal quantile, by bisection on the error function. */
    static double normalQuantile(double probability) {
        double low = -40;
        double high = 40;
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (normalCdf(mid) < probability) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        // Abramowitz–Stegun 7.1.26 (error below 1.5e-7)
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    /** How far below the asked coverage an interval may hold, if that brings it nearer than any above. */
    static final double SHORTFALL = 0.03;

    /**
     * How much of an actual count the central {@code coverage} of this distribution holds: the nonrandomized
     * probability integral transform of Czado, Gneiting and Held (2009, Biometrics 65, "Predictive model assessment for
     * count data") spreads the count's probability evenly over {@code [F(y−1), F(y)]}, and the credit is the share of
     * that range inside {@code [(1−coverage)/2, (1+coverage)/2]}. A calibrated forecast earns {@code coverage} on
     * average whatever the counts, where plain counting cannot: when 90% of hours sell nothing, every interval of whole
     * units that holds 0 holds at least 90%.
     */
    public double pitCredit(double units, double coverage) {
        double rest = Math.floor(units - observed + 1e-9);
        double below;
        double upTo;
        if (rest < 0) {
            below = 0;
            upTo = 0;
        } else if (mean > NORMAL_FROM) {
            double spread = Math.sqrt(Math.max(variance, mean));
            below = normalCdf((rest - 0.5 - mean) / spread);
            upTo = normalCdf((rest + 0.5 - mean) / spread);
        } else {
            double[] both = cdfs(mean, variance, (int) Math.min(Integer.MAX_VALUE, rest));
            below = both[0];
            upTo = both[1];
        }
        double low = (1 - coverage) / 2;
        double high = (1 + coverage) / 2;
        if (upTo - below < 1e-12) {
            return below >= low && below <= high ? 1 : 0;
        }
        return Math.max(0, Math.min(upTo, high) - Math.max(below, low)) / (upTo - below);
    }

    /** P(Y ≤ y); 0 for y < 0. */
    static double cdf(double mean, double variance, int y) {
        return y < 0 ? 0 : cdfs(mean, variance, y)[1];
    }

    /** P(Y ≤ y − 1) and P(Y ≤ y), y ≥ 0, in one pass. */
    private static double[] cdfs(double mean, double variance, int y) {
        if (!(mean > 0)) {
            return new double[] {y > 0 ? 1 : 0, 1};
        }
        double dispersion = Math.max(0, (variance - mean) / (mean * mean));
        double cumulative = 0;
        double below = 0;
        if (dispersion < 1e-9) {
            double logTerm = -mean;
            double logMean = Math.log(mean);
            for (int k = 0; k <= y; k++) {
                below = cumulative;
                cumulative += Math.exp(logTerm);
                logTerm += logMean - Math.log(k + 1.0);
            }
        } else {
            double size = 1 / dispersion;
            double logTerm = size * Math.log(size / (size + mean));
            double logRatio = Math.log(mean / (size + mean));
            for (int k = 0; k <= y; k++) {
                below = cumulative;
                cumulative += Math.exp(logTerm);
                logTerm += Math.log((k + size) / (k + 1.0)) + logRatio;
            }
        }
        return new double[] {Math.min(1, below), Math.min(1, cumulative)};
    }

    /**
     * The interval {@code [low, high]} of counts whose probability is nearest {@code coverage}, among those whose
     * ends are within one count of the central quantiles and that hold at least the coverage less {@link #SHORTFALL}:
     * with discrete counts the central quantiles alone can hold far more than asked (a Poisson(2)'s 10%–90%
     * quantiles, 0 and 4, hold 95%; 1 to 4 hold 81%).
     */
    static int[] interval(double mean, double variance, double coverage) {
        if (mean > 0 && cdf(mean, variance, 0) >= coverage - SHORTFALL && cdf(mean, variance, 0) <= coverage) {
            return new int[] {0, 0};
        }
        double tail = (1 - coverage) / 2;
        int low = quantile(mean, variance, tail);
        int high = quantile(mean, variance, 1 - tail);
        if (!(mean > 0) || high - low > 50) {
            return new int[] {low, high}; // large counts: the quantiles are as good as it gets
        }
        int[] best = {low, high};
        double bestMiss = Double.POSITIVE_INFINITY;
        for (int a = Math.max(0, low - 1); a <= low + 1; a++) {
            for (int b = Math.max(a, high - 1); b <= high + 1; b++) {
                double probability = cdf(mean, variance, b) - cdf(mean, variance, a - 1);
                double miss = Math.abs(probability - coverage);
                if (probability >= coverage - SHORTFALL && miss < bestMiss - 1e-12) {
                    bestMiss = miss;
                    best = new int[] {a, b};
                }
            }
        }
        return best;
    }

    /** The smallest count {@code y} with P(Y ≤ y) ≥ {@code probability}. */
    static int quantile(double mean, double variance, double probability) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean > NORMAL_FROM) {
            // thousands of units: the sum would take as many steps, and the normal is within a unit of it
            double spread = Math.sqrt(Math.max(variance, mean));
            return (int) Math.min(
                    Integer.MAX_VALUE, Math.max(0, Math.ceil(mean + normalQuantile(probability) * spread - 0.5)));
        }
        double dispersion = Math.max(0, (variance - mean) / (mean * mean));
        double spread = Math.sqrt(Math.max(variance, mean));
        long limit = (long) Math.ceil(mean + 60 * spread + 100);
        double cumulative = 0;
        if (dispersion < 1e-9) {
            double logTerm = -mean;
            double logMean = Math.log(mean);
            for (int y = 0; y < limit; y++) {
                cumulative += Math.exp(logTerm);
                if (cumulative >= probability) {
                    return y;
                }
                logTerm += logMean - Math.log(y + 1.0);
            }
        } else {
            double size = 1 / dispersion;
            double logTerm = size * Math.log(size / (size + mean));
            double logRatio = Math.log(mean / (size + mean));
            for (int y = 0; y < limit; y++) {
                cumulative += Math.exp(logTerm);
                if (cumulative >= probability) {
                    return y;
                }
                logTerm += Math.log((y + size) / (y + 1.0)) + logRatio;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, limit);
    }
}
