package io.livechain.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the forecaster learned from one SKU's history. Expected demand in a future hour {@code t} is
 *
 * <pre>
 *   level × hourOfDay[hour(t)] × dayOfWeek[day(t)] × hourOfWeek[hour of week(t)]  +  coverage(t) × lift
 * </pre>
 *
 * where the level is exponentially smoothed, the profiles are recency-weighted and shrunk toward flat, all fitted on
 * the hours no live stream covered; and the lift is the average excess demand per stream-hour over that baseline in
 * past streams (relative to the level at the time, so it grows with the SKU). The hour-of-week factors (the daily
 * shape of each weekday apart) are a candidate that a SKU's own rolling-origin errors accept or turn down (flat); where
 * the days sell a few units, so are the day-of-week factors.
 */
final class DemandModel {

    /** Daily smoothing constants tried for the level; the one with the smallest in-sample error wins. */
    private static final double[] LEVEL_SMOOTHING = {0.03, 0.06, 0.1, 0.15, 0.2, 0.3, 0.45, 0.65, 0.9};

    /** The hour-of-week candidate is weighed from this much history on, on the last {@link #TRIAL_DAYS} days. */
    private static final int WEEKLY_FROM_DAYS = 28;

    private static final int TRIAL_DAYS = 14;
    /** The days ahead at which the daily dispersion is fitted; days between are interpolated. */
    private static final int[] DAY_HORIZONS = {1, 4, 7, 10, 13};
    /**
     * The share of in-sample errors the 80% interval is fitted to hold: in-sample errors are smaller than those ahead
     * (the model saw them), so a little more than the coverage.
     */
    private static final double CALIBRATION_SLACK = 0.03;
    /** Out-of-sample trial hours enough to fit the hourly intervals on them alone. */
    private static final int MIN_TRIAL_HOURS = 96;
    /** Dispersions below this are Poisson for all purposes (0). */
    private static final double MIN_DISPERSION = 1e-7;
    /**
     * The φ tried when fitting to counts: Poisson, then from {@link #COUNT_GRID_FROM} to {@link #COUNT_GRID_TO},
     * refined by {@link #COUNT_BISECTIONS} halvings (on a log scale) where the credit crosses the coverage.
     */
    private static final int COUNT_GRID = 16;

    private static final int COUNT_BISECTIONS = 6;
    /**
     * Below this mean, a period's counts are small enough that the normal's z misjudges its interval: φ is fitted to
     * the counts themselves ({@code Calibration.countEstimate}).
     */
    private static final double SMALL_COUNTS = 30;

    private static final double COUNT_GRID_FROM = 1e-4;
    private static final double COUNT_GRID_TO = 30;

    /**
     * How many standard errors of the difference in daily squared error a smoother level may err more than the best
     * one in-sample and still be chosen.
     */
    private static final double SMOOTHING_STANDARD_ERRORS = 1;

    /**
     * How many standard errors of the trial days' difference in squared error the day-of-week profile must gain over
     * flat weekdays to be kept, where the days sell under {@link #SMALL_COUNTS} units.
     */
    private static final double SHAPE_STANDARD_ERRORS = 1;

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
    /**
     * The level's relative variance with no history; it falls with (1 + days of history)², and fades out over the
     * first weeks, after which the errors the intervals are fitted on hold all there is to know.
     */
    private static final double LEVEL_UNCERTAINTY = 6.0;

    private static final double LEVEL_SETTLES_DAYS = 14;

    final double[] hourOfDay;
    final double[] dayOfWeek;
    /** 168 factors, Monday 00:00 first; all 1 unless the SKU's errors chose the weekly shape. */
    final double[] hourOfWeek;

    final double level;
    final double smoothing;
    /** Units per fully covered stream-hour: times the level if {@link #liftScalesWithLevel}, else absolute. */
    final double lift;

    final boolean liftScalesWithLevel;
    /** Hours past streams covered: none, and the lift is unknown (not zero). */
    final int streamHours;

    final double hourDispersion;
    /** φ of a day's total at the horizons {@link #DAY_HORIZONS} (days ahead, 1 = the first day). */
    final double[] dayDispersions;

    final double streamDispersion;
    /**
     * Relative variance of the level itself, from how few days it was learned on: a new SKU's level is a guess (its
     * launch days are rarely its normal ones), a SKU with months of history knows it.
     */
    final double levelUncertainty;

    private DemandModel(
            double[] hourOfDay,
            double[] dayOfWeek,
            double[] hourOfWeek,
            double level,
            double smoothing,
            double lift,
            boolean liftScalesWithLevel,
            int streamHours,
            double hourDispersion,
            double[] dayDispersions,
            double streamDispersion,
            int hours) {
        this.hourOfDay = hourOfDay;
        this.dayOfWeek = dayOfWeek;
        this.hourOfWeek = hourOfWeek;
        this.level = level;
        this.smoothing = smoothing;
        this.lift = lift;
        this.liftScalesWithLevel = liftScalesWithLevel;
        this.streamHours = streamHours;
        this.hourDispersion = hourDispersion;
        this.dayDispersions = dayDispersions;
        this.streamDispersion = streamDispersion;
        double days = hours / (double) UtcHours.PER_DAY;
        this.levelUncertainty = LEVEL_UNCERTAINTY / ((1 + days) * (1 + days)) * Math.exp(-days / LEVEL_SETTLES_DAYS);
    }

    /** Expected demand in the given hour without any stream. */
    double baseline(long epochHour) {
        return level * seasonal(epochHour);
    }

    /** φ of a day's total {@code daysAhead} days ahead (1 = the first day), interpolated between the horizons. */
    double dayDispersion(double daysAhead) {
        if (daysAhead <= DAY_HORIZONS[0]) {
            return dayDispersions[0];
        }
        for (int k = 1; k < DAY_HORIZONS.length; k++) {
            if (daysAhead <= DAY_HORIZONS[k]) {
                double share = (daysAhead - DAY_HORIZONS[k - 1]) / (DAY_HORIZONS[k] - DAY_HORIZONS[k - 1]);
                return dayDispersions[k - 1] + share * (dayDispersions[k] - dayDispersions[k - 1]);
            }
        }
        return dayDispersions[DAY_HORIZONS.length - 1];
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
        return hourOfDay[UtcHours.hourOfDay(epochHour)]
                * dayOfWeek[UtcHours.dayOfWeek(epochHour)]
                * hourOfWeek[UtcHours.hourOfWeek(epochHour)];
    }

    /** Whether the day-of-week profile is flat (every weekday expected to sell the same). */
    boolean flatWeekdays() {
        for (double factor : dayOfWeek) {
            if (factor != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the hour-of-week shape was chosen. */
    boolean weekly() {
        for (double factor : hourOfWeek) {
            if (factor != 1.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The model of the history. With at least {@link #WEEKLY_FROM_DAYS} days, candidate shapes compete, each
     * forecasting the 24 hours after each of the last {@link #TRIAL_DAYS} midnights from the history before it (hours
     * no stream covered are scored):
     *
     * <ul>
     *   <li>{@link Shape#PLAIN} against {@link Shape#WEEKLY}: the smaller sum of absolute errors wins, the simpler one
     *       on a tie;
     *   <li>where the plain shape won and the history's days sell under {@link #SMALL_COUNTS} units, {@link
     *       Shape#PLAIN} against {@link Shape#FLAT_WEEKDAYS}: the simpler, flat one, unless the day-of-week profile's
     *       squared errors are smaller by more than {@link #SHAPE_STANDARD_ERRORS} standard error of the trial days'
     *       paired differences (the one-standard-error rule). On a few units a day, each weekday's profile factor has a
     *       noise comparable to the weekday effects it is meant to find.
     * </ul>
     */
    static DemandModel fit(DemandHistory history, ForecastSettings settings) {
        int days = history.hours() / UtcHours.PER_DAY;
        if (days < WEEKLY_FROM_DAYS) {
            return new Fit(history, settings, Shape.PLAIN, List.of(), true).model();
        }
        long firstHour = UtcHours.of(history.firstHour());
        int[] units = history.hourlyUnits();
        double[] coverage = StreamCoverage.hourly(history.pastStreams(), firstHour, units.length);
        List<Shape> shapes = smallCounts(units, coverage)
                ? List.of(Shape.PLAIN, Shape.WEEKLY, Shape.FLAT_WEEKDAYS)
                : List.of(Shape.PLAIN, Shape.WEEKLY);
        Map<Shape, Trials> trials = new EnumMap<>(Shape.class);
        shapes.forEach(shape -> trials.put(shape, new Trials()));
        int lastMidnight =
                (int) (Math.floorDiv(firstHour + units.length, UtcHours.PER_DAY) * UtcHours.PER_DAY - firstHour);
        for (int day = 1; day <= TRIAL_DAYS; day++) {
            int origin = lastMidnight - day * UtcHours.PER_DAY;
            if (origin + UtcHours.PER_DAY > units.length) {
                continue;
            }
            DemandHistory before =
                    new DemandHistory(history.firstHour(), Arrays.copyOf(units, origin), history.pastStreams());
            for (Shape shape : shapes) {
                DemandModel model = new Fit(before, settings, shape, List.of(), false).model();
                Trials trial = trials.get(shape);
                trial.newDay();
                for (int t = origin; t < origin + UtcHours.PER_DAY; t++) {
                    if (coverage[t] == 0) {
                        trial.add(units[t], model.baseline(firstHour + t));
                    }
                }
            }
        }
        Shape chosen = choose(trials);
        return new Fit(history, settings, chosen, trials.get(chosen).pairs, true).model();
    }

    private static Shape choose(Map<Shape, Trials> trials) {
        Trials plain = trials.get(Shape.PLAIN);
        if (trials.get(Shape.WEEKLY).absolute < plain.absolute) {
            return Shape.WEEKLY;
        }
        Trials flat = trials.get(Shape.FLAT_WEEKDAYS);
        if (flat == null) {
            return Shape.PLAIN;
        }
        // per trial day, how much less the day-of-week profile erred than the flat weekdays (squared errors)
        int days = plain.daily.size();
        if (days < 2) {
            return Shape.PLAIN;
        }
        double mean = 0;
        double squares = 0;
        for (int d = 0; d < days; d++) {
            double gain = flat.daily.get(d) - plain.daily.get(d);
            mean += gain;
            squares += gain * gain;
        }
        mean /= days;
        double standardError = Math.sqrt(Math.max(0, (squares - days * mean * mean) / (days - 1)) / days);
        return mean > SHAPE_STANDARD_ERRORS * standardError ? Shape.PLAIN : Shape.FLAT_WEEKDAYS;
    }

    /** Whether the history's days (stream hours left out) sell under {@link #SMALL_COUNTS} units on average. */
    private static boolean smallCounts(int[] units, double[] coverage) {
        double demand = 0;
        int hours = 0;
        for (int t = 0; t < units.length; t++) {
            if (coverage[t] == 0) {
                demand += units[t];
                hours++;
            }
        }
        return hours > 0 && demand / hours * UtcHours.PER_DAY < SMALL_COUNTS;
    }

    /** The seasonal shapes a SKU's trials choose between. */
    enum Shape {
        /** Hour-of-day × day-of-week. */
        PLAIN(false, true),
        /** Hour-of-day × day-of-week × hour-of-week. */
        WEEKLY(true, true),
        /** Hour-of-day only: every weekday is expected to sell the same. */
        FLAT_WEEKDAYS(false, false);

        final boolean hourOfWeek;
        final boolean dayOfWeek;

        Shape(boolean hourOfWeek, boolean dayOfWeek) {
            this.hourOfWeek = hourOfWeek;
            this.dayOfWeek = dayOfWeek;
        }
    }

    /** One candidate's out-of-sample errors on the trial days. */
    private static final class Trials {
        /** (actual, expected) per scored hour. */
        final List<double[]> pairs = new ArrayList<>();
        /** The sum of squared errors of each trial day. */
        final List<Double> daily = new ArrayList<>();

        double absolute;

        void newDay() {
            daily.add(0.0);
        }

        void add(double actual, double expected) {
            pairs.add(new double[] {actual, expected});
            absolute += Math.abs(actual - expected);
            daily.set(daily.size() - 1, daily.getLast() + (actual - expected) * (actual - expected));
        }
    }

    /** The fitting, one history at a time. */
    private static final class Fit {

        private final int n;
        private final int[] units;
        private final long firstHour;
        private final double[] coverage;
        private final ForecastSettings settings;
        private final int warmUp;
        private final boolean weekly;
        private final boolean weekdays;
        /** Out-of-sample (actual, expected) hours from the trial origins, if any: what the intervals are fitted on. */
        private final List<double[]> trials;
        /**
         * Whether the model's intervals will be used: the trial fits only forecast means, so they skip the slower
         * fitting of the hourly intervals to counts.
         */
        private final boolean forIntervals;

        Fit(
                DemandHistory history,
                ForecastSettings settings,
                Shape shape,
                List<double[]> trials,
                boolean forIntervals) {
            this.weekly = shape.hourOfWeek;
            this.weekdays = shape.dayOfWeek;
            this.forIntervals = forIntervals;
            this.trials = trials;
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
                dayOfWeek = weekdays ? dayOfWeekProfile(hourOfDay) : ones(7);
            }
            double[] seasonal = new double[n];
            for (int t = 0; t < n; t++) {
                long hour = firstHour + t;
                seasonal[t] = hourOfDay[UtcHours.hourOfDay(hour)] * dayOfWeek[UtcHours.dayOfWeek(hour)];
            }
            double[] hourOfWeek = weekly ? hourOfWeekProfile(seasonal) : ones(UtcHours.PER_WEEK);
            for (int t = 0; t < n; t++) {
                seasonal[t] *= hourOfWeek[UtcHours.hourOfWeek(firstHour + t)];
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
            double streamDispersion = streamDispersion(seasonal, levelBefore);

            // dispersions from the errors of forecasts made at each day's start
            Calibration hourly = new Calibration();
            Calibration daily = new Calibration();
            Calibration[] dailyAhead = new Calibration[DAY_HORIZONS.length];
            for (int k = 0; k < dailyAhead.length; k++) {
                dailyAhead[k] = new Calibration();
            }
            for (int dayStart = firstDayStart(); dayStart < n; dayStart += UtcHours.PER_DAY) {
                double dayLevel = levelBefore[Math.max(dayStart, 0)];
                double expectedDay = 0;
                double actualDay = 0;
                boolean complete = dayStart >= 0 && dayStart + UtcHours.PER_DAY <= n;
                for (int t = Math.max(dayStart, 0); t < Math.min(dayStart + UtcHours.PER_DAY, n); t++) {
                    double expected = dayLevel * seasonal[t];
                    if (coverage[t] == 0 && t >= warmUp) {
                        hourly.add(units[t], expected);
                        expectedDay += expected;
                        actualDay += units[t];
                    }
                }
                if (complete && dayStart >= warmUp) {
                    daily.add(actualDay, expectedDay);
                    // the same day forecast further ahead: with the level as it was days before
                    for (int k = 1; k < DAY_HORIZONS.length; k++) {
                        int from = dayStart - (DAY_HORIZONS[k] - 1) * UtcHours.PER_DAY;
                        if (from >= warmUp) {
                            double expectedAhead = 0;
                            for (int t = dayStart; t < dayStart + UtcHours.PER_DAY; t++) {
                                if (coverage[t] == 0) {
                                    expectedAhead += levelBefore[from] * seasonal[t];
                                }
                            }
                            dailyAhead[k].add(actualDay, expectedAhead);
                        }
                    }
                }
            }
            double coverage = settings.coverage() + CALIBRATION_SLACK;
            double hourDispersion;
            // how much the in-sample errors understate those ahead, where the trials tell
            double optimism = 1;
            if (trials.size() >= MIN_TRIAL_HOURS) {
                Calibration ahead = new Calibration();
                trials.forEach(pair -> ahead.add(pair[0], pair[1]));
                // the trial models saw less history than this one and err more; the in-sample errors, less
                double trial = ahead.estimate(settings.coverage(), HOUR_DISPERSION, HOUR_DISPERSION_WEIGHT);
                double inSample = hourly.estimate(settings.coverage(), HOUR_DISPERSION, HOUR_DISPERSION_WEIGHT);
                optimism = inSample > 0 ? Math.max(1, trial / inSample) : 1;
                if (forIntervals) {
                    trial = ahead.countEstimate(settings.coverage(), HOUR_DISPERSION, HOUR_DISPERSION_WEIGHT);
                    inSample = hourly.countEstimate(settings.coverage(), HOUR_DISPERSION, HOUR_DISPERSION_WEIGHT);
                }
                hourDispersion = Math.sqrt(trial * inSample);
            } else {
                hourDispersion = forIntervals
                        ? hourly.countEstimate(settings.coverage(), HOUR_DISPERSION, HOUR_DISPERSION_WEIGHT)
                        : hourly.estimate(coverage, HOUR_DISPERSION, HOUR_DISPERSION_WEIGHT);
            }
            double dayDispersion =
                    daily.count() == 0 ? hourDispersion : daily.fit(coverage, DAY_DISPERSION, DAY_DISPERSION_WEIGHT);
            // further days: fitted on the history's own errors that far ahead, never below the day before's
            double[] dayDispersions = new double[DAY_HORIZONS.length];
            dayDispersions[0] = dayDispersion;
            for (int k = 1; k < DAY_HORIZONS.length; k++) {
                double drifted = dayDispersion * (1 + (DAY_HORIZONS[k] - 1) * smoothing * smoothing);
                double fitted = dailyAhead[k].count() == 0
                        ? drifted
                        : dailyAhead[k].fit(coverage, drifted, DAY_DISPERSION_WEIGHT);
                dayDispersions[k] = Math.max(dayDispersions[k - 1], fitted);
            }
            for (int k = 0; k < DAY_HORIZONS.length; k++) {
                dayDispersions[k] *= optimism;
            }
            return new DemandModel(
                    hourOfDay,
                    dayOfWeek,
                    hourOfWeek,
                    level,
                    smoothing,
                    lift,
                    scalesWithLevel,
                    streamHours,
                    hourDispersion,
                    dayDispersions,
                    streamDispersion,
                    n);
        }

        /**
         * φ of stream demand, from how each past stream erred when forecast with the lift the streams before it
         * taught (out of sample: what a forecast of the next stream faces, whose size past streams teach poorly), per
         * stream-hour; the prior where no stream had one before it.
         */
        private double streamDispersion(double[] seasonal, double[] levelBefore) {
            Calibration ahead = new Calibration();
            double excess = 0;
            double levelWeight = 0;
            double covered = 0;
            List<double[]> stream = new ArrayList<>();
            for (int t = 0; t <= n; t++) {
                if (t < n && coverage[t] > 0) {
                    // the hour's units, its baseline and its coverage; the stream is scored when it ends
                    stream.add(new double[] {units[t], levelBefore[t] * seasonal[t], coverage[t], levelBefore[t]});
                    continue;
                }
                if (stream.isEmpty()) {
                    continue;
                }
                boolean scales = levelWeight > 1e-9;
                if (covered > 0) {
                    double lift = Math.max(0, excess) / (scales ? levelWeight : covered);
                    for (double[] hour : stream) {
                        ahead.add(hour[0], hour[1] + hour[2] * (scales ? lift * hour[3] : lift));
                    }
                }
                for (double[] hour : stream) {
                    excess += hour[0] - hour[1];
                    levelWeight += hour[2] * hour[3];
                    covered += hour[2];
                }
                stream.clear();
            }
            return ahead.estimate(settings.coverage(), STREAM_DISPERSION, STREAM_DISPERSION_WEIGHT);
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

        /**
         * The hour-of-week factors on top of the daily and weekly profiles: per slot, the demand over what those
         * profiles expect (recency-weighted, with the day-of-week half-life), shrunk toward 1 by how much of the
         * slot's deviation is noise.
         */
        private double[] hourOfWeekProfile(double[] seasonal) {
            double halfLife = settings.dayOfWeekHalfLife().toMinutes() / 60.0;
            SeasonalProfile profile = new SeasonalProfile(UtcHours.PER_WEEK);
            for (int t = 0; t < n; t++) {
                if (coverage[t] == 0 && seasonal[t] > 0) {
                    profile.add(
                            UtcHours.hourOfWeek(firstHour + t),
                            units[t] / seasonal[t],
                            recencyWeight(t, halfLife) * seasonal[t]);
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

        /**
         * The smoothing constant whose day-ahead forecasts of daily demand (stream hours left out) erred least. Where
         * days sell fewer than {@link #SMALL_COUNTS} units, the smoothest one that erred no more than that beyond
         * chance: the mean of its daily squared errors' excess over the best one's is within {@link
         * #SMOOTHING_STANDARD_ERRORS} standard error of 0 (the one-standard-error rule). On a few units a day, the
         * differences between constants are mostly counting noise, and the smallest in-sample error often belongs to a
         * level that chases it; a level that truly moved still shows by far more than that. On larger counts, the
         * errors are the level's own movements, and the best fit is kept.
         */
        private double chooseSmoothing(double[] seasonal) {
            // each whole day's demand and seasonal weight (stream hours left out)
            List<double[]> days = new ArrayList<>();
            for (int dayStart = firstDayStart(); dayStart + UtcHours.PER_DAY <= n; dayStart += UtcHours.PER_DAY) {
                if (dayStart < warmUp) {
                    continue;
                }
                double shape = 0;
                double actual = 0;
                for (int t = dayStart; t < dayStart + UtcHours.PER_DAY; t++) {
                    if (coverage[t] == 0) {
                        shape += seasonal[t];
                        actual += units[t];
                    }
                }
                days.add(new double[] {dayStart, actual, shape});
            }
            if (days.size() < DAYS_TO_CHOOSE_SMOOTHING) {
                return DEFAULT_SMOOTHING;
            }
            double[][] errors = new double[LEVEL_SMOOTHING.length][days.size()];
            double[] total = new double[LEVEL_SMOOTHING.length];
            double[] levelBefore = new double[n + 1];
            int best = 0;
            for (int a = 0; a < LEVEL_SMOOTHING.length; a++) {
                smoothLevel(seasonal, LEVEL_SMOOTHING[a], levelBefore);
                for (int d = 0; d < days.size(); d++) {
                    double[] day = days.get(d);
                    double error = day[1] - levelBefore[(int) day[0]] * day[2];
                    errors[a][d] = error * error;
                    total[a] += errors[a][d];
                }
                if (total[a] < total[best]) {
                    best = a;
                }
            }
            double meanDay = days.stream().mapToDouble(day -> day[1]).average().orElse(0);
            for (int a = 0; a < (meanDay < SMALL_COUNTS ? best : 0); a++) {
                double mean = 0;
                double squares = 0;
                for (int d = 0; d < days.size(); d++) {
                    double excess = errors[a][d] - errors[best][d];
                    mean += excess;
                    squares += excess * excess;
                }
                mean /= days.size();
                double standardError = Math.sqrt(Math.max(0, squares / days.size() - mean * mean) / days.size());
                if (mean <= SMOOTHING_STANDARD_ERRORS * standardError) {
                    return LEVEL_SMOOTHING[a];
                }
            }
            return LEVEL_SMOOTHING[best];
        }

        private static double[] ones(int size) {
            double[] ones = new double[size];
            Arrays.fill(ones, 1.0);
            return ones;
        }
    }

    /**
     * φ in variance = μ + φμ², fitted so that the interval of the given coverage holds that share of the
     * (actual, expected) pairs: each pair needs φ ≥ ((y − μ)² / z² − μ) / μ² to fall inside (z the normal quantile of
     * the interval's edge), and φ is the coverage quantile of those needs. Blended with a prior that counts as
     * {@code weight} pairs (on a log scale), so a short history leans on it.
     */
    private static final class Calibration {
        private final List<double[]> pairs = new ArrayList<>();

        void add(double actual, double expected) {
            if (expected > 0) {
                pairs.add(new double[] {actual, expected});
            }
        }

        int count() {
            return pairs.size();
        }

        /**
         * Like {@link #estimate}, for counts: φ such that the pairs' probability integral transforms fall inside the
         * central {@code coverage} as often as asked, each actual count y credited with the share of {@code [F(y−1),
         * F(y)]} inside it (the nonrandomized PIT of Czado, Gneiting and Held, 2009). Where most counts are 0 or a few
         * units, no interval of whole units holds the coverage and the normal's z says little; this still does. The
         * credit is not monotone in φ (a wider negative binomial puts more on 0 as well as on the far tail, and a very
         * wide one credits the many zeros again): on a grid of φ from Poisson up, the first that reaches the coverage
         * (or the one nearest it, if none does) wins.
         */
        /**
         * {@link #countEstimate} where the counts are small (a mean below {@link #SMALL_COUNTS} units), else {@link
         * #estimate} with the in-sample slack.
         */
        double fit(double coverageWithSlack, double prior, double weight) {
            double mean = pairs.stream().mapToDouble(pair -> pair[1]).average().orElse(0);
            return mean < SMALL_COUNTS
                    ? countEstimate(coverageWithSlack - CALIBRATION_SLACK, prior, weight)
                    : estimate(coverageWithSlack, prior, weight);
        }

        double countEstimate(double coverage, double prior, double weight) {
            if (pairs.isEmpty()) {
                return prior;
            }
            // a coarse grid from Poisson up to the first φ on the other side of the coverage, then bisection
            double step = Math.pow(COUNT_GRID_TO / COUNT_GRID_FROM, 1.0 / (COUNT_GRID - 2));
            double previous = MIN_DISPERSION;
            double poissonCredit = credit(MIN_DISPERSION, coverage);
            double poissonSide = Math.signum(poissonCredit - coverage);
            double best = MIN_DISPERSION;
            double bestMiss = Math.abs(poissonCredit - coverage);
            // a Poisson too wide already: a wider negative binomial narrows it only by putting more on 0, which is
            // right where the history has more zeros than the Poisson expects (intermittent demand), not where its
            // counts are steadier than a Poisson's
            int stepsUp = poissonSide > 0 && !moreZerosThanPoisson() ? 0 : COUNT_GRID;
            for (int k = 1; k < stepsUp; k++) {
                double dispersion = COUNT_GRID_FROM * Math.pow(step, k - 1);
                double credit = credit(dispersion, coverage);
                if (poissonSide > 0 && credit > poissonCredit) {
                    // widening widens: the zeros are too few to matter (a day of low counts that once sold
                    // nothing), and what narrows it further out is only an absurd φ that puts nearly all on 0
                    break;
                }
                double side = credit - coverage;
                if (Math.signum(side) != poissonSide && poissonSide != 0) {
                    double low = Math.log(previous);
                    double high = Math.log(dispersion);
                    for (int halving = 0; halving < COUNT_BISECTIONS; halving++) {
                        double middle = (low + high) / 2;
                        if (Math.signum(credit(Math.exp(middle), coverage) - coverage) == poissonSide) {
                            low = middle;
                        } else {
                            high = middle;
                        }
                    }
                    best = Math.exp((low + high) / 2);
                    break;
                }
                if (Math.abs(side) < bestMiss - 1e-9) {
                    bestMiss = Math.abs(side);
                    best = dispersion;
                }
                previous = dispersion;
            }
            double log = (pairs.size() * Math.log(best) + weight * Math.log(prior)) / (pairs.size() + weight);
            return Math.exp(log) <= MIN_DISPERSION * 1.0001 ? 0 : Math.exp(log);
        }

        private boolean moreZerosThanPoisson() {
            double zeros = 0;
            double expected = 0;
            for (double[] pair : pairs) {
                zeros += pair[0] == 0 ? 1 : 0;
                expected += Math.exp(-pair[1]);
            }
            return zeros > expected;
        }

        /** The mean PIT credit of the pairs under NB(expected, φ). */
        private double credit(double dispersion, double coverage) {
            double credit = 0;
            for (double[] pair : pairs) {
                double mean = pair[1];
                credit += new CountDistribution(0, mean, mean + dispersion * mean * mean).pitCredit(pair[0], coverage);
            }
            return credit / pairs.size();
        }

        double estimate(double coverage, double prior, double weight) {
            if (pairs.isEmpty()) {
                return prior;
            }
            double z = normalEdge(coverage);
            double[] required = new double[pairs.size()];
            for (int i = 0; i < required.length; i++) {
                double error = pairs.get(i)[0] - pairs.get(i)[1];
                double mean = pairs.get(i)[1];
                required[i] = Math.max(0, (error * error / (z * z) - mean) / (mean * mean));
            }
            Arrays.sort(required);
            double fitted = required[Math.min(required.length - 1, (int) Math.floor(coverage * required.length))];
            // blended on a log scale: dispersions of busy and quiet SKUs differ by orders of magnitude
            double log = (required.length * Math.log(Math.max(fitted, MIN_DISPERSION)) + weight * Math.log(prior))
                    / (required.length + weight);
            return Math.exp(log) <= MIN_DISPERSION * 1.0001 ? 0 : Math.exp(log);
        }
    }

    /** z with P(|Z| ≤ z) = coverage. */
    static double normalEdge(double coverage) {
        return CountDistribution.normalQuantile((1 + coverage) / 2);
    }
}
