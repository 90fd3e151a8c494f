package io.livechain.forecast.backtest;

import io.livechain.forecast.CountDistribution;
import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.DemandHistory;
import io.livechain.forecast.ForecastDistributions;
import io.livechain.forecast.Period;
import io.livechain.forecast.StreamPrior;
import io.livechain.forecast.StreamWindow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rolling-origin backtest, per regime of demand. {@link #ORIGINS} daily origins (00:00 UTC), the last one
 * {@link DemandForecaster#DAYS} days before the end of the data; each forecasts the next 24 hours and 14 days from
 * all the history before it (with its past streams, the streams scheduled in the next 15 days and the merchant's
 * stream prior). Every point is scored against two naive forecasts: the same hour yesterday and the same hour last
 * week (for days: yesterday and the same day last week, two weeks back for days 8–14).
 *
 * <p>Regimes: {@value #HIGH_COUNT} (busy SKUs), {@value #INTERMITTENT} (quiet ones), {@value #YOUNG} (new SKUs from
 * two weeks after launch), {@value #STREAM_LIFTED} (periods with a stream on air, any SKU); a period that is not on
 * air but whose naive lag period was counts in none of these. The cold start has a protocol of its own (see
 * {@link #coldStart}). Recorded demand ({@link RealDemand}), when present, is scored the same way.
 *
 * <p>MASE divides each absolute error by the in-sample MAE of the one-step seasonal naive on the origin's history
 * (lag 24 h for hours, lag 7 days for days); a group's MASE averages the scaled errors of its points. Where the mean
 * each hour was drawn from is known, {@code floor} is the MAE of that mean as a forecast: what no forecast beats.
 */
public final class Backtest {

    public static final int ORIGINS = 28;
    /** A series is scored from origins with at least this much history (the cold start covers the first days). */
    public static final int MIN_HISTORY_DAYS = 14;

    public static final long DEFAULT_SEED = 42;

    public static final String HIGH_COUNT = "high-count seasonal";
    public static final String INTERMITTENT = "intermittent";
    public static final String YOUNG = "new SKUs, 2+ weeks";
    public static final String STREAM_LIFTED = "stream-lifted";
    /** The new SKUs from their launch: origins every 6 hours over their first {@link #COLD_DAYS} days. */
    public static final String COLD_START = "cold start, first 7 days";
    /** The hours of a new SKU's first stream, forecast before it went on air. */
    public static final String FIRST_STREAM = "cold start, first stream";
    /** The same, forecast as before the prior existed: a first stream lifted nothing. */
    public static final String FIRST_STREAM_NO_PRIOR = "cold start, first stream, no prior";

    public static final String REAL_HOURLY = "real: taylor, high-count seasonal";
    public static final String REAL_THINNED = "real: taylor thinned, intermittent";

    public static final int COLD_DAYS = 7;
    static final int COLD_ORIGINS_PER_DAY = 4;

    /** Horizon groups: hours 1, 2–3, 4–6, 7–12, 13–24 and all; days 1, 2–7, 8–14 and all. */
    public enum Resolution {
        HOURLY(new int[][] {{1, 1}, {2, 3}, {4, 6}, {7, 12}, {13, 24}, {1, 24}}),
        DAILY(new int[][] {{1, 1}, {2, 7}, {8, 14}, {1, 14}});

        private final int[][] buckets;

        Resolution(int[][] buckets) {
            this.buckets = buckets;
        }

        static String label(int[] bucket) {
            return bucket[0] == bucket[1] ? String.valueOf(bucket[0]) : bucket[0] + "-" + bucket[1];
        }

        String all() {
            return label(buckets[buckets.length - 1]);
        }
    }

    /**
     * Scores of one group at one horizon bucket: MAE in units, MASE of ours and of the two naive forecasts, the
     * floor's MAE (NaN where the means are unknown), the share of actuals inside the 80% interval, and the same share
     * counted on the forecast's distribution ({@link CountDistribution#pitCredit}).
     */
    public record Row(
            String group,
            Resolution resolution,
            String horizon,
            int points,
            double mae,
            double floor,
            double mase,
            double maseYesterday,
            double maseLastWeek,
            double coverage,
            double pitCoverage) {

        /** MASE of the forecast over that of the same hour yesterday (day before): below 1, ours is better. */
        public double ratio() {
            return mase / maseYesterday;
        }

        /** MASE of the forecast over that of the same hour (day) last week. */
        public double ratioLastWeek() {
            return mase / maseLastWeek;
        }

        /** MAE over the floor's MAE: 1 is as good as knowing the mean. */
        public double overFloor() {
            return mae / floor;
        }
    }

    public record Report(List<Row> rows) {

        public Report {
            rows = List.copyOf(rows);
        }

        public Optional<Row> row(String group, Resolution resolution, String horizon) {
            return rows.stream()
                    .filter(r -> r.group().equals(group)
                            && r.resolution() == resolution
                            && r.horizon().equals(horizon))
                    .findFirst();
        }

        /** The row over all horizons of a resolution. */
        public Row all(String group, Resolution resolution) {
            return row(group, resolution, resolution.all()).orElseThrow();
        }

        Report with(Report other) {
            List<Row> all = new ArrayList<>(rows);
            all.addAll(other.rows());
            return new Report(all);
        }
    }

    /** The central probability the intervals are meant to hold. */
    public static final double COVERAGE = 0.8;

    private Backtest() {}

    /**
     * With no argument, the tables for {@link #DEFAULT_SEED}; {@code <seed>}: for that seed; {@code --seeds <n>}: a
     * summary over seeds 1..n; {@code --thinned <n>}: a summary of the thinned recorded series over thinning draws
     * 1..n. Recorded demand is read from the directory in the system property {@code
     * livechain.backtest.real-data} (default {@code backtest/target/real-data}).
     */
    public static void main(String[] args) {
        Path realData = Path.of(System.getProperty("livechain.backtest.real-data", "backtest/target/real-data"));
        DemandForecaster forecaster = new DemandForecaster();
        if (args.length == 2 && args[0].equals("--seeds")) {
            summarise(Integer.parseInt(args[1]), System.out);
            return;
        }
        if (args.length == 2 && args[0].equals("--thinned")) {
            if (!summariseThinned(realData, Integer.parseInt(args[1]), System.out)) {
                System.out.printf(
                        Locale.ROOT,
                        "Recorded demand: none in %s (backtest/real-data/fetch.sh obtains it)%n",
                        realData.toAbsolutePath());
            }
            return;
        }
        long seed = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_SEED;
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(seed);
        List<SyntheticDemand.Sku> real = RealDemand.load(realData, seed);
        Report report = run(skus, forecaster).with(runReal(real, forecaster));
        print(report, skus, real, seed, realData, System.out);
    }

    /** Mean, min and max over seeds 1..n of every group's all-horizon figures. */
    static void summarise(int seeds, PrintStream out) {
        List<Report> reports = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            reports.add(run(SyntheticDemand.generate(seed), new DemandForecaster()));
        }
        table(reports, "synthetic seeds 1.." + seeds, out);
    }

    /**
     * Mean, min and max over thinning draws 1..n of the thinned recorded series' all-horizon figures: each draw is
     * another Poisson thinning of the same electricity series ({@link RealDemand#load} with that seed), scored like
     * the default run. False when the recorded demand is not there.
     */
    static boolean summariseThinned(Path realData, int draws, PrintStream out) {
        List<Report> reports = thinnedReports(realData, draws);
        if (reports.isEmpty()) {
            return false;
        }
        table(reports, "taylor thinned, thinning draws 1.." + draws, out);
        return true;
    }

    /** The thinned series' report for each thinning draw 1..n; empty when the recorded demand is not there. */
    public static List<Report> thinnedReports(Path realData, int draws) {
        List<Report> reports = new ArrayList<>();
        for (long draw = 1; draw <= draws; draw++) {
            List<SyntheticDemand.Sku> thinned = RealDemand.load(realData, draw).stream()
                    .filter(series -> series.name().equals(RealDemand.THINNED))
                    .toList();
            if (thinned.isEmpty()) {
                return List.of();
            }
            reports.add(runReal(thinned, new DemandForecaster()));
        }
        return reports;
    }

    private static void table(List<Report> reports, String over, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "All horizons, %s: mean (min-max) of MASE ours / MASE naive, MAE / floor, 80%% cover"
                        + " (plain and PIT)%n",
                over);
        out.printf(
                Locale.ROOT,
                "%-36s %-6s %-20s %-20s %-20s %-17s %-17s%n",
                "group",
                "",
                "vs yesterday",
                "vs last week",
                "over floor",
                "cover",
                "PIT cover");
        for (Row first : reports.getFirst().rows()) {
            if (!first.horizon().equals(first.resolution().all())) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%-36s %-6s %-20s %-20s %-20s %-17s %-17s%n",
                    first.group(),
                    first.resolution() == Resolution.HOURLY ? "hours" : "days",
                    spread(reports, first, Row::ratio, "%.3f"),
                    spread(reports, first, Row::ratioLastWeek, "%.3f"),
                    spread(reports, first, Row::overFloor, "%.3f"),
                    spread(reports, first, Row::coverage, "%.2f"),
                    spread(reports, first, Row::pitCoverage, "%.2f"));
        }
    }

    private static String spread(
            List<Report> reports, Row first, java.util.function.ToDoubleFunction<Row> value, String format) {
        double[] values = reports.stream()
                .mapToDouble(r -> value.applyAsDouble(r.all(first.group(), first.resolution())))
                .filter(Double::isFinite)
                .toArray();
        if (values.length == 0) {
            return "-";
        }
        String f = format + " (" + format + "-" + format + ")";
        return String.format(
                Locale.ROOT,
                f,
                Arrays.stream(values).average().orElseThrow(),
                Arrays.stream(values).min().orElseThrow(),
                Arrays.stream(values).max().orElseThrow());
    }

    /** The synthetic SKUs: every regime, and the cold start. */
    public static Report run(List<SyntheticDemand.Sku> skus, DemandForecaster forecaster) {
        Groups groups = new Groups(List.of(HIGH_COUNT, INTERMITTENT, YOUNG, STREAM_LIFTED));
        for (SyntheticDemand.Sku sku : skus) {
            String regime = switch (sku.group()) {
                case SyntheticDemand.BUSY -> HIGH_COUNT;
                case SyntheticDemand.INTERMITTENT -> INTERMITTENT;
                default -> YOUNG;
            };
            score(sku, skus, regime, forecaster, groups);
        }
        return groups.report().with(coldStart(skus, forecaster));
    }

    /** Recorded demand: each series is its own group. */
    public static Report runReal(List<SyntheticDemand.Sku> series, DemandForecaster forecaster) {
        List<String> names = series.stream().map(Backtest::realGroup).toList();
        Groups groups = new Groups(names);
        for (SyntheticDemand.Sku one : series) {
            score(one, List.of(one), realGroup(one), forecaster, groups);
        }
        return groups.report();
    }

    private static String realGroup(SyntheticDemand.Sku series) {
        return series.name().equals(RealDemand.THINNED) ? REAL_THINNED : REAL_HOURLY;
    }

    /** Scores one series from every daily origin with enough history and a full horizon of actuals ahead. */
    private static void score(
            SyntheticDemand.Sku sku,
            List<SyntheticDemand.Sku> merchant,
            String regime,
            DemandForecaster forecaster,
            Groups groups) {
        boolean[] onAir = onAir(sku);
        int days = sku.hours() / 24;
        for (int day = days - DemandForecaster.DAYS - ORIGINS + 1; day <= days - DemandForecaster.DAYS; day++) {
            if (day < MIN_HISTORY_DAYS) {
                continue;
            }
            int at = day * 24;
            Instant origin = sku.firstHour().plus(Duration.ofHours(at));
            ForecastDistributions forecast = forecaster.distributions(
                    history(sku, origin, at), 0, scheduled(sku, origin), prior(merchant, origin), origin);
            Scorer scorer = new Scorer(sku, at, forecast, onAir);
            scorer.scoreHours(regime, groups, naiveScale(sku.hourlyUnits(), 0, at, 24));
            int[] daily = dailyTotals(sku.hourlyUnits());
            scorer.scoreDays(regime, groups, naiveScale(daily, 0, day, 7));
        }
    }

    /**
     * The new SKUs from the hour they launch: origins every 6 hours over their first {@link #COLD_DAYS} days
     * (hours), the midnight ones also scoring 14 days; and apart, the hours of each one's first stream, forecast
     * from the origins before it went on air, with the prior and without it. There is no in-sample naive error to
     * scale by yet, so MASE divides by the lag-24 h (lag-7 d) naive MAE over the SKU's whole data: the same scale
     * for ours and the naive, so the ratio is that of their MAEs. The naive forecast of an hour before launch is 0.
     */
    private static Report coldStart(List<SyntheticDemand.Sku> skus, DemandForecaster forecaster) {
        Groups groups = new Groups(List.of(COLD_START, FIRST_STREAM, FIRST_STREAM_NO_PRIOR));
        for (SyntheticDemand.Sku sku : skus) {
            if (!sku.group().equals(SyntheticDemand.NEW)) {
                continue;
            }
            // the SKU's data, preceded by a week of zeros before its launch (it did not sell: the naive's history)
            int before = 7 * 24;
            int[] padded = new int[before + sku.hours()];
            double[] mean = new double[before + sku.hours()];
            System.arraycopy(sku.hourlyUnits(), 0, padded, before, sku.hours());
            System.arraycopy(sku.mean(), 0, mean, before, sku.hours());
            SyntheticDemand.Sku whole = new SyntheticDemand.Sku(
                    sku.name(), sku.group(), sku.firstHour().minus(Duration.ofDays(7)), padded, sku.streams(), mean);
            boolean[] onAir = onAir(whole);
            double hourScale = naiveScale(padded, before, padded.length, 24);
            double dayScale = naiveScale(dailyTotals(padded), before / 24 + 7, padded.length / 24, 7);
            StreamWindow first = sku.streams().getFirst();
            for (int o = 0; o < COLD_DAYS * COLD_ORIGINS_PER_DAY; o++) {
                Instant origin = sku.firstHour().plus(Duration.ofHours((long) o * 24 / COLD_ORIGINS_PER_DAY));
                int at = before + o * 24 / COLD_ORIGINS_PER_DAY;
                List<StreamWindow> scheduled = scheduled(sku, origin);
                DemandHistory history = new DemandHistory(
                        sku.firstHour(),
                        Arrays.copyOf(sku.hourlyUnits(), at - before),
                        sku.streams().stream()
                                .filter(s -> s.start().isBefore(origin))
                                .toList());
                StreamPrior prior = prior(skus, origin);
                ForecastDistributions forecast = forecaster.distributions(history, 0, scheduled, prior, origin);
                Scorer scorer = new Scorer(whole, at, forecast, onAir);
                scorer.scoreHours(COLD_START, groups, hourScale, true);
                if (at % 24 == 0) {
                    scorer.scoreDays(COLD_START, groups, dayScale, true);
                }
                if (origin.isAfter(first.start())) {
                    continue;
                }
                List<StreamWindow> unknown = scheduled.stream()
                        .map(s -> new StreamWindow(s.start(), s.end()))
                        .toList();
                Scorer without =
                        new Scorer(whole, at, forecaster.distributions(history, 0, unknown, prior, origin), onAir);
                for (int h = 1; h <= DemandForecaster.HOURS; h++) {
                    Instant from = origin.plus(Duration.ofHours(h - 1));
                    if (first.overlap(from, from.plus(Duration.ofHours(1))).isPositive()) {
                        scorer.scoreHour(h, FIRST_STREAM, groups, hourScale);
                        without.scoreHour(h, FIRST_STREAM_NO_PRIOR, groups, hourScale);
                    }
                }
            }
        }
        Report report = groups.report();
        // the first stream has a few points per SKU: only the all-horizon figures mean anything
        return new Report(report.rows().stream()
                .filter(r -> r.group().equals(COLD_START)
                        || r.horizon().equals(r.resolution().all()))
                .filter(r -> r.points() > 0)
                .toList());
    }

    private static DemandHistory history(SyntheticDemand.Sku sku, Instant origin, int at) {
        List<StreamWindow> past =
                sku.streams().stream().filter(s -> s.start().isBefore(origin)).toList();
        return new DemandHistory(sku.firstHour(), Arrays.copyOf(sku.hourlyUnits(), at), past);
    }

    /** The streams on air within the forecast: known in advance, as streams are announced. */
    private static List<StreamWindow> scheduled(SyntheticDemand.Sku sku, Instant origin) {
        Instant horizon = origin.plus(Duration.ofDays(DemandForecaster.DAYS + 1));
        return sku.streams().stream()
                .filter(s -> s.end().isAfter(origin) && s.start().isBefore(horizon))
                .toList();
    }

    /**
     * The merchant's stream prior as of {@code origin}: every SKU of the synthetic data is the same merchant's, and
     * each stream that ended before the origin sold, while on air, a share of its offer.
     */
    static StreamPrior prior(List<SyntheticDemand.Sku> skus, Instant origin) {
        List<StreamPrior.Outcome> outcomes = new ArrayList<>();
        for (SyntheticDemand.Sku sku : skus) {
            for (StreamWindow stream : sku.streams()) {
                if (stream.end().isAfter(origin) || stream.quantity() == 0) {
                    continue;
                }
                double ordered = 0;
                for (int t = 0; t < sku.hours(); t++) {
                    Instant from = sku.firstHour().plus(Duration.ofHours(t));
                    double covered =
                            stream.overlap(from, from.plus(Duration.ofHours(1))).toSeconds() / 3600.0;
                    ordered += covered * sku.unitsAt(t);
                }
                outcomes.add(new StreamPrior.Outcome(
                        stream.quantity(), (int) Math.min(stream.quantity(), Math.round(ordered))));
            }
        }
        return StreamPrior.learnedFrom(outcomes);
    }

    /** Whether a stream was on air during each hour of the SKU's data. */
    private static boolean[] onAir(SyntheticDemand.Sku sku) {
        boolean[] onAir = new boolean[sku.hours()];
        for (int t = 0; t < onAir.length; t++) {
            Instant from = sku.firstHour().plus(Duration.ofHours(t));
            Instant to = from.plus(Duration.ofHours(1));
            onAir[t] = sku.streams().stream().anyMatch(s -> s.overlap(from, to).isPositive());
        }
        return onAir;
    }

    /** The mean absolute error of the lag-{@code lag} naive forecast over {@code [from, to)}. */
    private static double naiveScale(int[] values, int from, int to, int lag) {
        double total = 0;
        int count = 0;
        for (int t = Math.max(from, lag); t < to; t++) {
            total += Math.abs(values[t] - values[t - lag]);
            count++;
        }
        return count == 0 ? Double.NaN : total / count;
    }

    private static int[] dailyTotals(int[] hourly) {
        int[] days = new int[hourly.length / 24];
        for (int t = 0; t < days.length * 24; t++) {
            days[t / 24] += hourly[t];
        }
        return days;
    }

    /** Scores one forecast made {@code at} hours into a series. */
    private record Scorer(SyntheticDemand.Sku sku, int at, ForecastDistributions forecast, boolean[] onAir) {

        void scoreHours(String regime, Groups groups, double scale) {
            scoreHours(regime, groups, scale, false);
        }

        /** Each hourly period, in the stream-lifted group if on air (unless {@code fixed}), else the regime's. */
        void scoreHours(String regime, Groups groups, double scale, boolean fixed) {
            for (int h = 1; h <= DemandForecaster.HOURS; h++) {
                int t = at + h - 1;
                String group =
                        fixed ? regime : onAir[t] ? STREAM_LIFTED : onAir[t - 24] || onAir[t - 168] ? null : regime;
                if (group != null) {
                    scoreHour(h, group, groups, scale);
                }
            }
        }

        void scoreHour(int h, String group, Groups groups, double scale) {
            int t = at + h - 1;
            groups.add(
                    group,
                    Resolution.HOURLY,
                    h,
                    forecast.forecast().hourly().get(h - 1),
                    forecast.hourly().get(h - 1),
                    sku.unitsAt(t),
                    sku.meanAt(t),
                    sku.unitsAt(t - 24),
                    sku.unitsAt(t - 168),
                    scale);
        }

        void scoreDays(String regime, Groups groups, double scale) {
            scoreDays(regime, groups, scale, false);
        }

        /**
         * The daily periods of a forecast made at midnight: against the day before the origin (yesterday's naive
         * for every day ahead) and the same day 7 days earlier (14 for days 8–14).
         */
        void scoreDays(String regime, Groups groups, double scale, boolean fixed) {
            for (int d = 1; d <= DemandForecaster.DAYS; d++) {
                int start = at + (d - 1) * 24;
                int lastWeek = start - 7 * 24 * ((d + 6) / 7);
                int yesterday = at - 24;
                String group = fixed
                        ? regime
                        : streamOnAir(start)
                                ? STREAM_LIFTED
                                : streamOnAir(lastWeek) || streamOnAir(yesterday) ? null : regime;
                if (group != null) {
                    groups.add(
                            group,
                            Resolution.DAILY,
                            d,
                            forecast.forecast().daily().get(d - 1),
                            forecast.daily().get(d - 1),
                            dayTotal(start),
                            dayMean(start),
                            dayTotal(yesterday),
                            dayTotal(lastWeek),
                            scale);
                }
            }
        }

        private double dayTotal(int from) {
            double total = 0;
            for (int t = from; t < from + 24; t++) {
                total += sku.unitsAt(t);
            }
            return total;
        }

        private double dayMean(int from) {
            double total = 0;
            for (int t = from; t < from + 24; t++) {
                total += sku.meanAt(t);
            }
            return total;
        }

        private boolean streamOnAir(int dayStart) {
            for (int t = dayStart; t < dayStart + 24; t++) {
                if (onAir[t]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The tallies of every group, per resolution and horizon bucket. */
    private static final class Groups {
        private final Map<String, Tally[]> hourly = new LinkedHashMap<>();
        private final Map<String, Tally[]> daily = new LinkedHashMap<>();

        Groups(List<String> names) {
            for (String name : names) {
                hourly.put(name, tallies(Resolution.HOURLY));
                daily.put(name, tallies(Resolution.DAILY));
            }
        }

        void add(
                String group,
                Resolution resolution,
                int horizon,
                Period forecast,
                CountDistribution demand,
                double actual,
                double mean,
                double yesterday,
                double lastWeek,
                double scale) {
            Tally[] tallies = (resolution == Resolution.HOURLY ? hourly : daily).get(group);
            for (int b = 0; b < resolution.buckets.length; b++) {
                int[] bucket = resolution.buckets[b];
                if (bucket[0] <= horizon && horizon <= bucket[1]) {
                    tallies[b].add(actual, forecast, demand, mean, yesterday, lastWeek, scale);
                }
            }
        }

        Report report() {
            List<Row> rows = new ArrayList<>();
            for (String group : hourly.keySet()) {
                rows.addAll(rows(group, Resolution.HOURLY, hourly.get(group)));
                rows.addAll(rows(group, Resolution.DAILY, daily.get(group)));
            }
            return new Report(rows.stream().filter(r -> r.points() > 0).toList());
        }

        private static Tally[] tallies(Resolution resolution) {
            Tally[] tallies = new Tally[resolution.buckets.length];
            for (int i = 0; i < tallies.length; i++) {
                tallies[i] = new Tally();
            }
            return tallies;
        }

        private static List<Row> rows(String group, Resolution resolution, Tally[] tallies) {
            List<Row> rows = new ArrayList<>();
            for (int b = 0; b < tallies.length; b++) {
                Tally t = tallies[b];
                rows.add(new Row(
                        group,
                        resolution,
                        Resolution.label(resolution.buckets[b]),
                        t.points,
                        t.error / t.points,
                        t.floorPoints == t.points ? t.floorError / t.points : Double.NaN,
                        t.scaledError / t.points,
                        t.scaledYesterday / t.points,
                        t.scaledLastWeek / t.points,
                        t.covered / (double) t.points,
                        t.pitCovered / t.points));
            }
            return rows;
        }
    }

    /** Sums of errors at one horizon bucket. */
    private static final class Tally {
        int points;
        int floorPoints;
        int covered;
        double pitCovered;
        double error;
        double floorError;
        double scaledError;
        double scaledYesterday;
        double scaledLastWeek;

        void add(
                double actual,
                Period forecast,
                CountDistribution demand,
                double mean,
                double yesterday,
                double lastWeek,
                double scale) {
            points++;
            error += Math.abs(actual - forecast.expected());
            scaledError += Math.abs(actual - forecast.expected()) / scale;
            scaledYesterday += Math.abs(actual - yesterday) / scale;
            scaledLastWeek += Math.abs(actual - lastWeek) / scale;
            if (Double.isFinite(mean)) {
                floorPoints++;
                floorError += Math.abs(actual - mean);
            }
            if (forecast.low() <= actual && actual <= forecast.high()) {
                covered++;
            }
            pitCovered += demand.pitCredit(actual, COVERAGE);
        }
    }

    static void print(
            Report report,
            List<SyntheticDemand.Sku> skus,
            List<SyntheticDemand.Sku> real,
            long seed,
            Path realData,
            PrintStream out) {
        out.printf(
                Locale.ROOT,
                "LiveChain demand forecast backtest - %d daily origins, each forecasting 24 hours and %d days from all"
                        + " history before it%n",
                ORIGINS,
                DemandForecaster.DAYS);
        out.printf(Locale.ROOT, "Synthetic demand, seed %d:%n", seed);
        describe(skus, out);
        if (real.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "Recorded demand: none in %s (backtest/real-data/fetch.sh obtains it)%n",
                    realData.toAbsolutePath());
        } else {
            out.println("Recorded demand (backtest/real-data/fetch.sh: Debian r-cran-forecast, GPL-3):");
            describe(real, out);
        }
        out.println();
        out.println(
                "MASE: absolute errors over the in-sample MAE of the one-step seasonal naive (lag 24 h / lag 7 d).");
        out.println("vs yday / vs week = MASE ours over MASE of the same hour yesterday / last week (days: the day");
        out.println(
                "before the origin / the same day last week); below 1, ours is better. floor = MAE of the true mean");
        out.println("(where known); /floor = MAE ours over it. cover = share of actuals inside the 80% interval;");
        out.println("PIT = the same share on the forecast distribution (nonrandomized PIT of Czado, Gneiting & Held");
        out.println("2009: an actual y counts |[F(y-1), F(y)] & [0.1, 0.9]| / (F(y) - F(y-1))), 0.80 when calibrated.");
        out.println();
        out.println("== every regime, all horizons ==");
        header(out, "group");
        for (Row row : report.rows()) {
            if (row.horizon().equals(row.resolution().all())) {
                line(out, row.group(), row);
            }
        }
        String current = null;
        for (Row row : report.rows()) {
            if (!row.group().equals(current)) {
                current = row.group();
                out.println();
                out.printf(Locale.ROOT, "== %s ==%n", current);
                header(out, "horizon");
            }
            line(out, (row.resolution() == Resolution.HOURLY ? "hours " : "days  ") + row.horizon(), row);
        }
    }

    private static void describe(List<SyntheticDemand.Sku> series, PrintStream out) {
        for (SyntheticDemand.Sku sku : series) {
            out.printf(
                    Locale.ROOT,
                    "  %-14s %-12s from %s, %4d h, %3d streams, %10d units%n",
                    sku.name(),
                    sku.group(),
                    sku.firstHour(),
                    sku.hours(),
                    sku.streams().size(),
                    Arrays.stream(sku.hourlyUnits()).asLongStream().sum());
        }
    }

    private static void header(PrintStream out, String first) {
        out.printf(
                Locale.ROOT,
                "%-36s %-5s %6s %10s %10s %8s %8s %8s %7s %7s %7s %6s %6s%n",
                first,
                "",
                "points",
                "MAE ours",
                "floor",
                "MASE",
                "MASE yd",
                "MASE wk",
                "vs yday",
                "vs week",
                "/floor",
                "cover",
                "PIT");
    }

    private static void line(PrintStream out, String label, Row row) {
        out.printf(
                Locale.ROOT,
                "%-36s %-5s %6d %10s %10s %8.3f %8.3f %8.3f %7.3f %7.3f %7s %6.2f %6.2f%n",
                label,
                row.horizon().equals(row.resolution().all()) && !label.startsWith("hours") && !label.startsWith("days")
                        ? (row.resolution() == Resolution.HOURLY ? "hours" : "days")
                        : "",
                row.points(),
                number(row.mae()),
                number(row.floor()),
                row.mase(),
                row.maseYesterday(),
                row.maseLastWeek(),
                row.ratio(),
                row.ratioLastWeek(),
                Double.isFinite(row.overFloor()) ? String.format(Locale.ROOT, "%.3f", row.overFloor()) : "-",
                row.coverage(),
                row.pitCoverage());
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value >= 1000 ? "%.0f" : "%.2f", value);
    }
}
