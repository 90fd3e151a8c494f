package io.livechain.forecast;

import java.util.Arrays;

/**
 * What the forecaster learned from one SKU's history. Expected demand in a future hour {@code t} is
 *
 * <pre>
 *   level × hourOfDay[hour(t)] × dayOfWeek[day(t)]  +  coverage(t) × lift
 * </pre>
 *
 * where the level is exponentially smoothed, the two profiles are recency-weighted and shrunk toward flat, all
 * three fitted on the hours no live stream covered; and the lift is the average excess demand per stream-hour
 * over that baseline in past streams (relative to the level at the time, so it grows with the SKU).
 */
final class DemandModel {

    /** Daily smoothing constants tried for the level; the one with the smallest in-sample error wins. */
    private static final double[] LEVEL_SMOOTHING = {0.03, 0.06, 0.1, 0.15, 0.2, 0.3, 0.45};

    private static final double DEFAULT_SMOOTHING = 0.1;
    private static final int WARM_UP_DAYS = 7;
    private static final int DAYS_TO_CHOOSE_SMOOTHING = 7;
    private static final int PROFILE_ROUNDS = 2;

    // prior dispersions (φ in variance = μ + φμ²) and how many observations they weigh
    private static final double HOUR_DISPERSION = 0.3;
    private static final double HOUR_DISPERSION_WEIGHT = 48;
    private static final double DAY_DISPERSION = 0.02;
    private static final double DAY_DISPERSION_WEIGHT = 7;
    private static final double STREAM_DISPERSION = 0.3;
    private static final double STREAM_DISPERSION_WEIGHT = 4;
    /** The level's relative variance with one day of history; it falls with the square of the days. */
    private static final double LEVEL_UNCERTAINTY = 4.0;

    final double[] hourOfDay;
    final double[] dayOfWeek;
    final double level;
    final double smoothing;
    /** Units per fully covered stream-hour: times the level if {@link #liftScalesWithLevel}, else absolute. */
    final double lift;

    final boolean liftScalesWithLevel;
    /** Hours past streams covered: none, and the lift is unknown (not zero). */
    final int streamHours;

    final double hourDispersion;
    final double dayDispersion;
    final double streamDispersion;
    /**
     * Relative variance of the level itself, from how few days it was learned on: a new SKU's level is a guess (its
     * launch days are rarely its normal ones), a SKU with months of history knows it.
     */
    final double levelUncertainty;

    private DemandModel(
            double[] hourOfDay,
            double[] dayOfWeek,
            double level,
            double smoothing,
            double lift,
            boolean liftScalesWithLevel,
            int streamHours,
            double hourDispersion,
            double dayDispersion,
            double streamDispersion,
            int hours) {
        this.hourOfDay = hourOfDay;
        this.dayOfWeek = dayOfWeek;
        this.level = level;
        this.smoothing = smoothing;
        this.lift = lift;
        this.liftScalesWithLevel = liftScalesWithLevel;
        this.streamHours = streamHours;
        this.hourDispersion = hourDispersion;
        this.dayDispersion = dayDispersion;
        this.streamDispersion = streamDispersion;
        this.levelUncertainty = LEVEL_UNCERTAINTY / Math.pow(1 + hours / (double) UtcHours.PER_DAY, 2);
    }

    /** Expected demand in the given hour without any stream. */
    double baseline(long epochHour) {
        return level * seasonal(epochHour);
    }

    /** Whether past streams taught the lift: without them, a scheduled stream is forecast from a prior. */
    boolean learnedLift() {
        return streamHours > 0;
    }

    /** Expected extra demand in an hour a scheduled stream covers by the given fraction (0 without a lift). */
    double streamDemand(double coverage) {
        return coverage * (liftScalesWithLevel ? lift * level : lift);
    }

    private double seasonal(long epochHour) {
        return hourOfDay[UtcHours.hourOfDay(epochHour)] * dayOfWeek[UtcHours.dayOfWeek(epochHour)];
    }

    static DemandModel fit(DemandHistory history, ForecastSettings settings) {
        return new Fit(history, settings).model();
    }

    /** The fitting, one history at a time. */
    private static final class Fit {

        private final int n;
        private final int[] units;
        private final long firstHour;
        private final double[] coverage;
        private final ForecastSettings settings;
        private final int warmUp;

        Fit(DemandHistory history, ForecastSettings settings) {
            this.n = history.hours();
            this.units = history.hourlyUnits();
            this.firstHour = UtcHours.of(history.firstHour());
            this.coverage = StreamCoverage.hourly(history.pastStreams(), firstHour, n);
            this.settings = settings;
            int days = n / UtcHours.PER_DAY;
            this.warmUp = UtcHours.PER_DAY * (days >= 2 * WARM_UP_DAYS ? WARM_UP_DAYS : (days >= 2 ? 1 : 0));
        }

        DemandModel model() {
            double[] hourOfDay = ones(UtcHours.PER_DAY);
            double[] dayOfWeek = ones(7);
            for (int round = 0; round < PROFILE_ROUNDS; round++) {
                hourOfDay = hourOfDayProfile(dayOfWeek);
                dayOfWeek = dayOfWeekProfile(hourOfDay);
            }
            double[] seasonal = new double[n];
            for (int t = 0; t < n; t++) {
                long hour = firstHour + t;
                seasonal[t] = hourOfDay[UtcHours.hourOfDay(hour)] * dayOfWeek[UtcHours.dayOfWeek(hour)];
            }
            double smoothing = chooseSmoothing(seasonal);
            double[] levelBefore = new double[n + 1];
            smoothLevel(seasonal, smoothing, levelBefore);
            double level = levelBefore[n];

            // the lift: excess demand over the baseline in past stream-hours
            double excess = 0;
            double levelWeight = 0;
            double covered = 0;
            int streamHours = 0;
            for (int t = 0; t < n; t++) {
                if (coverage[t] > 0) {
                    excess += units[t] - levelBefore[t] * seasonal[t];
                    levelWeight += coverage[t] * levelBefore[t];
                    covered += coverage[t];
                    streamHours++;
                }
            }
            boolean scalesWithLevel = levelWeight > 1e-9;
            double lift = streamHours == 0 ? 0 : Math.max(0, excess) / (scalesWithLevel ? levelWeight : covered);

            // dispersions from the errors of forecasts made at each day's start
            Dispersion hourly = new Dispersion();
            Dispersion daily = new Dispersion();
            Dispersion streams = new Dispersion();
            for (int dayStart = firstDayStart(); dayStart < n; dayStart += UtcHours.PER_DAY) {
                double dayLevel = levelBefore[Math.max(dayStart, 0)];
                double expectedDay = 0;
                double actualDay = 0;
                boolean complete = dayStart >= 0 && dayStart + UtcHours.PER_DAY <= n;
                for (int t = Math.max(dayStart, 0); t < Math.min(dayStart + UtcHours.PER_DAY, n); t++) {
                    double expected = dayLevel * seasonal[t];
                    if (coverage[t] > 0) {
                        double withLift = levelBefore[t] * seasonal[t]
                                + coverage[t] * (scalesWithLevel ? lift * levelBefore[t] : lift);
                        streams.add(units[t], withLift);
                    } else if (t >= warmUp) {
                        hourly.add(units[t], expected);
                        expectedDay += expected;
                        actualDay += units[t];
                    }
                }
                if (complete && dayStart >= warmUp) {
                    daily.add(actualDay, expectedDay);
                }
            }
            double hourDispersion = hourly.estimate(HOUR_DISPERSION, HOUR_DISPERSION_WEIGHT);
            double dayDispersion =
                    daily.count == 0 ? hourDispersion : daily.estimate(DAY_DISPERSION, DAY_DISPERSION_WEIGHT);
            return new DemandModel(
                    hourOfDay,
                    dayOfWeek,
                    level,
                    smoothing,
                    lift,
                    scalesWithLevel,
                    streamHours,
                    hourDispersion,
                    dayDispersion,
                    streams.estimate(STREAM_DISPERSION, STREAM_DISPERSION_WEIGHT),
                    n);
        }

        /** Index (possibly negative) of the first UTC midnight at or before the first hour. */
        private int firstDayStart() {
            return -UtcHours.hourOfDay(firstHour);
        }

        private double recencyWeight(int t, double halfLifeHours) {
            return Math.pow(0.5, (n - 1 - t) / halfLifeHours);
        }

        private double[] hourOfDayProfile(double[] dayOfWeek) {
            double halfLife = settings.hourOfDayHalfLife().toMinutes() / 60.0;
            SeasonalProfile profile = new SeasonalProfile(UtcHours.PER_DAY);
            for (int t = 0; t < n; t++) {
                if (coverage[t] == 0) {
                    long hour = firstHour + t;
                    profile.add(
                            UtcHours.hourOfDay(hour),
                            units[t] / dayOfWeek[UtcHours.dayOfWeek(hour)],
                            recencyWeight(t, halfLife));
                }
            }
            return profile.factors();
        }

        /** Per UTC day, the demand per unit of hour-of-day profile (stream hours left out), slotted by weekday. */
        private double[] dayOfWeekProfile(double[] hourOfDay) {
            double halfLife = settings.dayOfWeekHalfLife().toMinutes() / 60.0;
            SeasonalProfile profile = new SeasonalProfile(7);
            for (int dayStart = firstDayStart(); dayStart < n; dayStart += UtcHours.PER_DAY) {
                double demand = 0;
                double shape = 0;
                int last = Math.min(dayStart + UtcHours.PER_DAY, n) - 1;
                for (int t = Math.max(dayStart, 0); t <= last; t++) {
                    if (coverage[t] == 0) {
                        demand += units[t];
                        shape += hourOfDay[UtcHours.hourOfDay(firstHour + t)];
                    }
                }
                if (shape > 0) {
                    profile.add(
                            UtcHours.dayOfWeek(firstHour + last),
                            demand / shape,
                            recencyWeight(last, halfLife) * shape / UtcHours.PER_DAY);
                }
            }
            return profile.factors();
        }

        /**
         * Runs the level through the history; {@code levelBefore[t]} is the level before hour {@code t} (and
         * {@code levelBefore[n]} the final one). Each non-stream hour moves it by {@code α/24 × (y − level ×
         * seasonal)}: over a day, about {@code α × (day's deseasonalised mean − level)}, the usual exponential
         * smoothing, without dividing by the (often zero) hourly demand.
         */
        private void smoothLevel(double[] seasonal, double smoothing, double[] levelBefore) {
            double demand = 0;
            double shape = 0;
            for (int t = 0; t < Math.min(n, UtcHours.PER_WEEK); t++) {
                if (coverage[t] == 0) {
                    demand += units[t];
                    shape += seasonal[t];
                }
            }
            double level = shape > 0 ? demand / shape : 0;
            double gain = smoothing / UtcHours.PER_DAY;
            for (int t = 0; t < n; t++) {
                levelBefore[t] = level;
                if (coverage[t] == 0 && seasonal[t] > 0) {
                    double step = Math.min(1, gain * seasonal[t]);
                    level = Math.max(0, level + step * (units[t] / seasonal[t] - level));
                }
            }
            levelBefore[n] = level;
        }

        /** The smoothing constant whose day-ahead forecasts of daily demand (stream hours left out) erred least. */
        private double chooseSmoothing(double[] seasonal) {
            double best = DEFAULT_SMOOTHING;
            double bestError = Double.POSITIVE_INFINITY;
            double[] levelBefore = new double[n + 1];
            for (double smoothing : LEVEL_SMOOTHING) {
                smoothLevel(seasonal, smoothing, levelBefore);
                double error = 0;
                int days = 0;
                for (int dayStart = firstDayStart(); dayStart + UtcHours.PER_DAY <= n; dayStart += UtcHours.PER_DAY) {
                    if (dayStart < warmUp) {
                        continue;
                    }
                    double expected = 0;
                    double actual = 0;
                    for (int t = dayStart; t < dayStart + UtcHours.PER_DAY; t++) {
                        if (coverage[t] == 0) {
                            expected += levelBefore[dayStart] * seasonal[t];
                            actual += units[t];
                        }
                    }
                    error += (actual - expected) * (actual - expected);
                    days++;
                }
                if (days < DAYS_TO_CHOOSE_SMOOTHING) {
                    return DEFAULT_SMOOTHING;
                }
                if (error < bestError) {
                    bestError = error;
                    best = smoothing;
                }
            }
            return best;
        }

        private static double[] ones(int size) {
            double[] ones = new double[size];
            Arrays.fill(ones, 1.0);
            return ones;
        }
    }

    /**
     * Method-of-moments estimate of φ in variance = μ + φμ² (negative binomial), from (actual, expected) pairs,
     * shrunk toward a prior that counts as {@code weight} pairs of average size.
     */
    private static final class Dispersion {
        private double excessVariance;
        private double squaredMeans;
        private int count;

        void add(double actual, double expected) {
            excessVariance += (actual - expected) * (actual - expected) - expected;
            squaredMeans += expected * expected;
            count++;
        }

        double estimate(double prior, double weight) {
            if (count == 0 || squaredMeans <= 0) {
                return prior;
            }
            double average = squaredMeans / count;
            return Math.max(0, (excessVariance + weight * prior * average) / (squaredMeans + weight * average));
        }
    }
}
