package io.livechain.forecast;

/**
 * Quantiles of demand counts: a negative binomial with the given mean and variance (variance = mean + φ·mean²),
 * Poisson when the variance is not above the mean. Summed term by term in log space, so large means neither
 * underflow nor need a normal approximation.
 */
final class CountDistribution {

    private CountDistribution() {}

    /** The smallest count {@code y} with P(Y ≤ y) ≥ {@code probability}. */
    static int quantile(double mean, double variance, double probability) {
        if (!(mean > 0)) {
            return 0;
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
