package io.livechain.forecast.backtest;

import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.DemandHistory;
import io.livechain.forecast.Forecast;
import io.livechain.forecast.Period;
import io.livechain.forecast.StreamPrior;
import io.livechain.forecast.StreamWindow;
import java.io.PrintStream;
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
 * Rolling-origin backtest over {@link #ORIGINS} days from day {@link #FIRST_ORIGIN_DAY} of the synthetic data:
 * origins every 6 hours score the 24 hourly periods (so hour 1 is not always midnight), the origins at 00:00 UTC
 * also score the 14 daily periods. At each origin the forecaster sees the history
 * before it (with its past streams) and the streams that will be on air in the next 15 days (scheduled in advance),
 * and is scored on the next 24 hours and 14 days against the seasonal-naive forecast: the same hour yesterday
 * (lag 24 h; lag 168 h is shown too) and the same day last week (lag 7 days; 14 days for days 8–14).
 *
 * <p>MASE divides each absolute error by the in-sample MAE of the one-step seasonal-naive forecast on the
 * history before the origin (lag 24 h for hours, lag 7 days for days); group and overall figures average the
 * scaled errors of all their points (SKUs × origins × horizons).
 *
 * <p>Run: {@code ./mvnw -q -pl application -am compile exec:java
 * -Dexec.mainClass=io.livechain.forecast.backtest.Backtest} (optional argument: the seed).
 */
public final class Backtest {

    public static final int FIRST_ORIGIN_DAY = 56;
    public static final int ORIGINS = 14;
    /** Hourly periods are scored from origins every 6 hours (daily ones from the midnight origins only). */
    public static final int ORIGINS_PER_DAY = 4;

    public static final long DEFAULT_SEED = 42;
    public static final String OVERALL = "overall";
    /** All SKUs, only the points where no stream was on air in the actual period nor in the naive's lag period. */
    public static final String STREAM_FREE = "overall, stream-free periods";
    /** The new SKUs from their launch: origins every 6 hours over their first {@link #COLD_DAYS} days. */
    public static final String COLD_START = "cold start, first 7 days";
    /** The hours of a new SKU's first stream, forecast before it went on air. */
    public static final String FIRST_STREAM = "cold start, first stream";
    /** The same, forecast as before the prior existed: a first stream lifted nothing. */
    public static final String FIRST_STREAM_NO_PRIOR = "cold start, first stream, no prior";

    public static final int COLD_DAYS = 7;

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
    }

    /**
     * Scores of one group of SKUs at one horizon bucket. MAE in units; {@code maeSeasonalWeek} is the lag-168 h
     * naive (hourly only, over the points with a week of history; NaN otherwise).
     */
    public record Row(
            String group,
            Resolution resolution,
            String horizon,
            int points,
            double mae,
            double maeSeasonalNaive,
            double maeSeasonalWeek,
            double mase,
            double maseSeasonalNaive,
            double coverage) {

        /** MASE of the forecast over that of seasonal-naive: below 1, the forecast is better. */
        public double ratio() {
            return mase / maseSeasonalNaive;
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
            String horizon = resolution == Resolution.HOURLY ? "1-24" : "1-14";
            return row(group, resolution, horizon).orElseThrow();
        }
    }

    private Backtest() {}

    /** With no argument, the tables for {@link #DEFAULT_SEED}; {@code <seed>}: for that seed; {@code
     * --seeds <n>}: a summary of the ratio and coverage over all horizons for seeds 1..n. */
    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("--seeds")) {
            summarise(Integer.parseInt(args[1]), System.out);
            return;
        }
        long seed = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_SEED;
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(seed);
        Report report = run(skus, new DemandForecaster());
        print(report, skus, seed, System.out);
    }

    /** Mean, min and max over seeds 1..n of the all-horizon ratio and coverage per group and resolution. */
    static void summarise(int seeds, PrintStream out) {
        List<Report> reports = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            reports.add(run(SyntheticDemand.generate(seed), new DemandForecaster()));
        }
        out.printf(Locale.ROOT, "All horizons, seeds 1..%d: ratio = MASE ours / MASE seasonal-naive%n", seeds);
        out.printf(
                Locale.ROOT,
                "%-36s %-6s %7s %7s %7s %7s %7s %7s%n",
                "group",
                "",
                "ratio",
                "min",
                "max",
                "cover",
                "min",
                "max");
        for (Row first : reports.getFirst().rows()) {
            if (!first.horizon().equals("1-24") && !first.horizon().equals("1-14")) {
                continue;
            }
            double[] ratios = reports.stream()
                    .mapToDouble(r -> r.all(first.group(), first.resolution()).ratio())
                    .toArray();
            double[] covers = reports.stream()
                    .mapToDouble(r -> r.all(first.group(), first.resolution()).coverage())
                    .toArray();
            out.printf(
                    Locale.ROOT,
                    "%-36s %-6s %7.3f %7.3f %7.3f %7.2f %7.2f %7.2f%n",
                    first.group(),
                    first.resolution() == Resolution.HOURLY ? "hours" : "days",
                    Arrays.stream(ratios).average().orElse(Double.NaN),
                    Arrays.stream(ratios).min().orElse(Double.NaN),
                    Arrays.stream(ratios).max().orElse(Double.NaN),
                    Arrays.stream(covers).average().orElse(Double.NaN),
                    Arrays.stream(covers).min().orElse(Double.NaN),
                    Arrays.stream(covers).max().orElse(Double.NaN));
        }
    }

    public static Report run(List<SyntheticDemand.Sku> skus, DemandForecaster forecaster) {
        List<String> groups = new ArrayList<>();
        skus.stream().map(SyntheticDemand.Sku::group).distinct().forEach(groups::add);
        groups.add(OVERALL);
        groups.add(STREAM_FREE);
        Map<String, Tally[]> hourly = new LinkedHashMap<>();
        Map<String, Tally[]> daily = new LinkedHashMap<>();
        for (String group : groups) {
            hourly.put(group, tallies(Resolution.HOURLY));
            daily.put(group, tallies(Resolution.DAILY));
        }
        for (SyntheticDemand.Sku sku : skus) {
            boolean[] onAir = onAir(sku);
            for (int o = 0; o < ORIGINS * ORIGINS_PER_DAY; o++) {
                Instant origin = SyntheticDemand.START
                        .plus(Duration.ofDays(FIRST_ORIGIN_DAY))
                        .plus(Duration.ofHours((long) o * 24 / ORIGINS_PER_DAY));
                int at = (int) Duration.between(sku.firstHour(), origin).toHours();
                if (at < 24 || at + DemandForecaster.DAYS * 24 > sku.hours()) {
                    continue;
                }
                Forecast forecast = forecaster.forecast(
                        history(sku, origin, at), 0, scheduled(sku, origin), prior(skus, origin), origin);
                Scorer scorer = new Scorer(sku, at, forecast, onAir);
                scorer.scoreHours(hourly.get(sku.group()), hourly.get(OVERALL), hourly.get(STREAM_FREE));
                if (at % 24 == 0) {
                    scorer.scoreDays(daily.get(sku.group()), daily.get(OVERALL), daily.get(STREAM_FREE));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String group : groups) {
            rows.addAll(rows(group, Resolution.HOURLY, hourly.get(group)));
            rows.addAll(rows(group, Resolution.DAILY, daily.get(group)));
        }
        rows.addAll(coldStart(skus, forecaster));
        return new Report(rows);
    }

    /**
     * The new SKUs from the hour they launch: origins every 6 hours over their first {@link #COLD_DAYS} days
     * (hours), the midnight ones also scoring 14 days; and apart, the hours of each one's first stream, forecast
     * from the origins before it went on air, with the prior and without it. There is no in-sample naive error to
     * scale by yet, so MASE divides by the lag-24 h (lag-7 d) naive MAE over the SKU's whole data: the same scale for
     * ours and the naive, so the ratio is that of their MAEs. The naive forecast of an hour before launch is 0.
     */
    private static List<Row> coldStart(List<SyntheticDemand.Sku> skus, DemandForecaster forecaster) {
        Tally[] hours = tallies(Resolution.HOURLY);
        Tally[] days = tallies(Resolution.DAILY);
        Tally[] firstStream = tallies(Resolution.HOURLY);
        Tally[] noPrior = tallies(Resolution.HOURLY);
        Tally[] unused = tallies(Resolution.HOURLY);
        Tally[] unusedDays = tallies(Resolution.DAILY);
        for (SyntheticDemand.Sku sku : skus) {
            if (!sku.group().equals(SyntheticDemand.NEW)) {
                continue;
            }
            // the SKU's data, preceded by a week of zeros before its launch (it did not sell: the naive's history)
            int before = 7 * 24;
            int[] padded = new int[before + sku.hours()];
            System.arraycopy(sku.hourlyUnits(), 0, padded, before, sku.hours());
            SyntheticDemand.Sku whole = new SyntheticDemand.Sku(
                    sku.name(), sku.group(), sku.firstHour().minus(Duration.ofDays(7)), padded, sku.streams());
            boolean[] onAir = onAir(whole);
            double hourScale = naiveScale(padded, before, padded.length, 24);
            double dayScale = naiveScale(dailyTotals(padded), before / 24 + 7, padded.length / 24, 7);
            StreamWindow first = sku.streams().getFirst();
            for (int o = 0; o < COLD_DAYS * ORIGINS_PER_DAY; o++) {
                Instant origin = sku.firstHour().plus(Duration.ofHours((long) o * 24 / ORIGINS_PER_DAY));
                int at = before + o * 24 / ORIGINS_PER_DAY;
                List<StreamWindow> scheduled = scheduled(sku, origin);
                DemandHistory history = new DemandHistory(
                        sku.firstHour(),
                        Arrays.copyOf(sku.hourlyUnits(), at - before),
                        sku.streams().stream()
                                .filter(s -> s.start().isBefore(origin))
                                .toList());
                StreamPrior prior = prior(skus, origin);
                Forecast forecast = forecaster.forecast(history, 0, scheduled, prior, origin);
                Scorer scorer = new Scorer(whole, at, forecast, onAir);
                scorer.scoreHours(hours, unused, unused, hourScale);
                if (at % 24 == 0) {
                    scorer.scoreDays(days, unusedDays, unusedDays, dayScale);
                }
                if (origin.isAfter(first.start())) {
                    continue;
                }
                List<StreamWindow> unknown = scheduled.stream()
                        .map(s -> new StreamWindow(s.start(), s.end()))
                        .toList();
                Forecast without = forecaster.forecast(history, 0, unknown, prior, origin);
                for (int h = 1; h <= DemandForecaster.HOURS; h++) {
                    Instant from = origin.plus(Duration.ofHours(h - 1));
                    if (first.overlap(from, from.plus(Duration.ofHours(1))).isPositive()) {
                        int t = at + h - 1;
                        double actual = padded[t];
                        double naive = padded[t - 24];
                        firstStream[firstStream.length - 1].add(
                                actual, forecast.hourly().get(h - 1), naive, padded[t - 168], hourScale);
                        noPrior[noPrior.length - 1].add(
                                actual, without.hourly().get(h - 1), naive, padded[t - 168], hourScale);
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.addAll(rows(COLD_START, Resolution.HOURLY, hours));
        rows.addAll(rows(COLD_START, Resolution.DAILY, days));
        rows.add(rows(FIRST_STREAM, Resolution.HOURLY, firstStream).getLast());
        rows.add(rows(FIRST_STREAM_NO_PRIOR, Resolution.HOURLY, noPrior).getLast());
        return rows;
    }

    /** The mean absolute error of the lag-{@code lag} naive forecast over {@code [from, to)}. */
    private static double naiveScale(int[] values, int from, int to, int lag) {
        double total = 0;
        for (int t = Math.max(from, lag); t < to; t++) {
            total += Math.abs(values[t] - values[t - lag]);
        }
        return total / Math.max(1, to - Math.max(from, lag));
    }

    private static int[] dailyTotals(int[] hourly) {
        int[] days = new int[hourly.length / 24];
        for (int t = 0; t < days.length * 24; t++) {
            days[t / 24] += hourly[t];
        }
        return days;
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

    /** Scores one forecast made {@code at} hours into a SKU's data. */
    private record Scorer(SyntheticDemand.Sku sku, int at, Forecast forecast, boolean[] onAir) {

        /** The hourly periods; the scale is the in-sample MAE of the lag-24 h naive forecast. */
        void scoreHours(Tally[] group, Tally[] overall, Tally[] streamFree) {
            double scale = 0;
            for (int t = 24; t < at; t++) {
                scale += Math.abs(sku.unitsAt(t) - sku.unitsAt(t - 24));
            }
            scoreHours(group, overall, streamFree, scale / (at - 24));
        }

        void scoreHours(Tally[] group, Tally[] overall, Tally[] streamFree, double scale) {
            for (int h = 1; h <= DemandForecaster.HOURS; h++) {
                int t = at + h - 1;
                Period period = forecast.hourly().get(h - 1);
                double actual = sku.unitsAt(t);
                double naive = sku.unitsAt(t - 24);
                double week = t >= 168 ? sku.unitsAt(t - 168) : Double.NaN;
                boolean free = !onAir[t] && !onAir[t - 24];
                for (int b = 0; b < Resolution.HOURLY.buckets.length; b++) {
                    if (inside(Resolution.HOURLY.buckets[b], h)) {
                        group[b].add(actual, period, naive, week, scale);
                        overall[b].add(actual, period, naive, week, scale);
                        if (free) {
                            double freeWeek = t >= 168 && !onAir[t - 168] ? week : Double.NaN;
                            streamFree[b].add(actual, period, naive, freeWeek, scale);
                        }
                    }
                }
            }
        }

        /**
         * The daily periods of a forecast made at midnight (day d = the d-th day from the origin), against the
         * same day 7 days earlier (14 for days 8–14); the scale is the in-sample MAE of the lag-7-day naive
         * forecast of daily totals.
         */
        void scoreDays(Tally[] group, Tally[] overall, Tally[] streamFree) {
            int days = at / 24;
            if (days <= 7) {
                return;
            }
            double scale = 0;
            for (int d = 7; d < days; d++) {
                scale += Math.abs(dayTotal(d * 24) - dayTotal((d - 7) * 24));
            }
            scoreDays(group, overall, streamFree, scale / (days - 7));
        }

        void scoreDays(Tally[] group, Tally[] overall, Tally[] streamFree, double scale) {
            for (int d = 1; d <= DemandForecaster.DAYS; d++) {
                int start = at + (d - 1) * 24;
                int lagStart = start - 7 * 24 * ((d + 6) / 7);
                Period period = forecast.daily().get(d - 1);
                double actual = dayTotal(start);
                double naive = dayTotal(lagStart);
                boolean free = !streamOnAir(start) && !streamOnAir(lagStart);
                for (int b = 0; b < Resolution.DAILY.buckets.length; b++) {
                    if (inside(Resolution.DAILY.buckets[b], d)) {
                        group[b].add(actual, period, naive, Double.NaN, scale);
                        overall[b].add(actual, period, naive, Double.NaN, scale);
                        if (free) {
                            streamFree[b].add(actual, period, naive, Double.NaN, scale);
                        }
                    }
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

        private boolean streamOnAir(int dayStart) {
            for (int t = dayStart; t < dayStart + 24; t++) {
                if (onAir[t]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean inside(int[] bucket, int horizon) {
        return bucket[0] <= horizon && horizon <= bucket[1];
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
                    t.naiveError / t.points,
                    t.weekPoints == 0 ? Double.NaN : t.weekError / t.weekPoints,
                    t.scaledError / t.points,
                    t.scaledNaiveError / t.points,
                    t.covered / (double) t.points));
        }
        return rows;
    }

    /** Sums of errors at one horizon bucket. */
    private static final class Tally {
        int points;
        int weekPoints;
        int covered;
        double error;
        double naiveError;
        double weekError;
        double scaledError;
        double scaledNaiveError;

        void add(double actual, Period forecast, double naive, double weekNaive, double scale) {
            points++;
            error += Math.abs(actual - forecast.expected());
            naiveError += Math.abs(actual - naive);
            scaledError += Math.abs(actual - forecast.expected()) / scale;
            scaledNaiveError += Math.abs(actual - naive) / scale;
            if (!Double.isNaN(weekNaive)) {
                weekPoints++;
                weekError += Math.abs(actual - weekNaive);
            }
            if (forecast.low() <= actual && actual <= forecast.high()) {
                covered++;
            }
        }
    }

    static void print(Report report, List<SyntheticDemand.Sku> skus, long seed, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "LiveChain demand forecast backtest - synthetic demand, seed %d, %d SKUs; origins every %d h for %d days"
                        + " from day %d of %d (days scored from the 00:00 UTC ones)%n",
                seed,
                skus.size(),
                24 / ORIGINS_PER_DAY,
                ORIGINS,
                FIRST_ORIGIN_DAY,
                SyntheticDemand.DAYS);
        for (SyntheticDemand.Sku sku : skus) {
            out.printf(
                    Locale.ROOT,
                    "  %-14s %-12s from %s, %4d h, %3d streams, %8d units%n",
                    sku.name(),
                    sku.group(),
                    sku.firstHour(),
                    sku.hours(),
                    sku.streams().size(),
                    Arrays.stream(sku.hourlyUnits()).asLongStream().sum());
        }
        out.println();
        out.println("MAE in units; MASE scaled by in-sample one-step seasonal-naive MAE (lag 24 h / lag 7 d);");
        out.println("ratio = MASE ours / MASE seasonal-naive (< 1: ours better); cover = share of actuals in the 80%"
                + " interval.");
        String currentGroup = null;
        for (Row row : report.rows()) {
            if (!row.group().equals(currentGroup)) {
                currentGroup = row.group();
                out.println();
                out.printf(Locale.ROOT, "== %s ==%n", currentGroup);
                out.printf(
                        Locale.ROOT,
                        "%-7s %-6s %6s %9s %9s %9s %8s %8s %7s %6s%n",
                        "",
                        "horizon",
                        "points",
                        "MAE ours",
                        "MAE snaive",
                        "MAE lag168",
                        "MASE",
                        "MASE sn",
                        "ratio",
                        "cover");
            }
            out.printf(
                    Locale.ROOT,
                    "%-7s %-6s %6d %9.2f %9.2f %9s %8.3f %8.3f %7s %6.2f%n",
                    row.resolution() == Resolution.HOURLY ? "hours" : "days",
                    row.horizon(),
                    row.points(),
                    row.mae(),
                    row.maeSeasonalNaive(),
                    Double.isNaN(row.maeSeasonalWeek())
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", row.maeSeasonalWeek()),
                    row.mase(),
                    row.maseSeasonalNaive(),
                    Double.isFinite(row.ratio()) ? String.format(Locale.ROOT, "%.3f", row.ratio()) : "-",
                    row.coverage());
        }
    }
}
