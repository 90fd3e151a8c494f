package io.livechain.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Forecasts a SKU's demand from its hourly history: an exponentially smoothed level times hour-of-day and
 * day-of-week profiles, fitted on the hours no live stream covered, plus a lift per stream-hour learned from past
 * streams and applied to the hours scheduled streams cover. Intervals are negative-binomial quantiles whose spread
 * comes from the history's own errors. See {@code docs/forecasting.md}.
 *
 * <p>Pure: the same arguments give the same forecast.
 */
public final class DemandForecaster {

    public static final int HOURS = 24;
    public static final int DAYS = 14;

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);

    private final ForecastSettings settings;

    public DemandForecaster() {
        this(ForecastSettings.defaults());
    }

    public DemandForecaster(ForecastSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * 24 hourly periods from the end of the history (or from the current hour if the history is empty) and 14
     * UTC days from the first midnight at or after that; nothing is known of the current hour yet, and a SKU that
     * never streamed gets the {@linkplain StreamPrior#DEFAULT default prior} for its scheduled streams.
     *
     * @param scheduledStreams streams featuring the SKU that will be on air within the forecast (others are
     *     ignored)
     */
    public Forecast forecast(DemandHistory history, List<StreamWindow> scheduledStreams, Instant now) {
        return forecast(history, 0, scheduledStreams, StreamPrior.DEFAULT, now, false)
                .forecast();
    }

    /**
     * Like {@link #forecast(DemandHistory, List, Instant)}, knowing what the hour under way (the one that starts
     * at the history's end) has sold until {@code now}: that hour's forecast is those units plus what the rest of it
     * is expected to sell, so it is never below them.
     *
     * @param unitsThisHour units ordered from the end of the history until {@code now}
     * @param prior what a stream sells while the SKU has no past stream of its own to learn its lift from
     */
    public Forecast forecast(
            DemandHistory history,
            int unitsThisHour,
            List<StreamWindow> scheduledStreams,
            StreamPrior prior,
            Instant now) {
        return forecast(history, unitsThisHour, scheduledStreams, prior, now, true)
                .forecast();
    }

    /**
     * The same forecast as {@link #forecast(DemandHistory, int, List, StreamPrior, Instant)}, with the distribution
     * of each period's demand that its interval was taken from.
     */
    public ForecastDistributions distributions(
            DemandHistory history,
            int unitsThisHour,
            List<StreamWindow> scheduledStreams,
            StreamPrior prior,
            Instant now) {
        return forecast(history, unitsThisHour, scheduledStreams, prior, now, true);
    }

    private ForecastDistributions forecast(
            DemandHistory history,
            int unitsThisHour,
            List<StreamWindow> scheduledStreams,
            StreamPrior prior,
            Instant now,
            boolean hourUnderWayKnown) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(scheduledStreams, "scheduledStreams");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(now, "now");
        if (unitsThisHour < 0) {
            throw new IllegalArgumentException("demand is never negative: " + unitsThisHour);
        }
        Instant start = history.hours() > 0 ? history.end() : now.truncatedTo(ChronoUnit.HOURS);
        Instant firstMidnight = start.truncatedTo(ChronoUnit.DAYS);
        if (firstMidnight.isBefore(start)) {
            firstMidnight = firstMidnight.plus(DAY);
        }
        DemandModel model = DemandModel.fit(history, settings);

        long startHour = UtcHours.of(start);
        // the part of the first hour that is already behind us: its units are known, only the rest is forecast
        long ahead = hourUnderWayKnown
                ? Math.clamp(now.getEpochSecond(), start.getEpochSecond(), start.getEpochSecond() + 3600)
                : start.getEpochSecond();
        double elapsed = (ahead - start.getEpochSecond()) / 3600.0;
        int toMidnight = (int) Duration.between(start, firstMidnight).toHours();
        int hours = toMidnight + DAYS * UtcHours.PER_DAY;
        double[] coverage = StreamCoverage.hourly(scheduledStreams, startHour, hours, ahead);
        double[] firstStream = model.learnedLift()
                ? null
                : StreamCoverage.hourlyUnits(scheduledStreams, prior::unitsPerHour, startHour, hours, ahead);
        double[] baseline = new double[hours];
        double[] lift = new double[hours];
        for (int t = 0; t < hours; t++) {
            baseline[t] = model.baseline(startHour + t) * (t == 0 ? 1 - elapsed : 1);
            lift[t] = firstStream == null ? model.streamDemand(coverage[t]) : firstStream[t];
        }

        List<Period> hourly = new ArrayList<>(HOURS);
        List<CountDistribution> hourlyDemand = new ArrayList<>(HOURS);
        for (int t = 0; t < HOURS; t++) {
            double variance = variance(baseline[t], model.hourDispersion)
                    + baseline[t] * baseline[t] * model.levelUncertainty
                    + variance(lift[t], model.streamDispersion);
            Instant from = start.plus(HOUR.multipliedBy(t));
            CountDistribution demand =
                    new CountDistribution(t == 0 ? unitsThisHour : 0, baseline[t] + lift[t], variance);
            hourlyDemand.add(demand);
            hourly.add(period(from, from.plus(HOUR), demand));
        }

        List<Period> daily = new ArrayList<>(DAYS);
        List<CountDistribution> dailyDemand = new ArrayList<>(DAYS);
        for (int d = 0; d < DAYS; d++) {
            double base = 0;
            double streams = 0;
            int first = toMidnight + d * UtcHours.PER_DAY;
            for (int t = first; t < first + UtcHours.PER_DAY; t++) {
                base += baseline[t];
                streams += lift[t];
            }
            // a day h days ahead errs as the history's own days erred h days ahead
            double daysAhead = 1 + first / (double) UtcHours.PER_DAY;
            // a lift is a multiple of the level, so it drifts with it as far ahead as the days do
            double drift = Math.max(0, model.dayDispersion(daysAhead) - model.dayDispersion(1));
            double variance = variance(base, model.dayDispersion(daysAhead))
                    + base * base * model.levelUncertainty
                    + variance(streams, model.streamDispersion + drift);
            Instant from = firstMidnight.plus(DAY.multipliedBy(d));
            CountDistribution demand = new CountDistribution(first == 0 ? unitsThisHour : 0, base + streams, variance);
            dailyDemand.add(demand);
            daily.add(period(from, from.plus(DAY), demand));
        }
        return new ForecastDistributions(new Forecast(now, hourly, daily), hourlyDemand, dailyDemand);
    }

    /**
     * Expected demand over {@code over} from the forecast's start: the hourly periods first, then the daily ones
     * after the last hour, prorated by time. Beyond the 14 days, the last week of daily periods repeats.
     */
    public static double expectedDemand(Forecast forecast, Duration over) {
        return demandOver(forecast, over, Period::expected);
    }

    /** Like {@link #expectedDemand}, with each period's upper bound: a cautious total (errors assumed to add up). */
    public static double upperDemand(Forecast forecast, Duration over) {
        return demandOver(forecast, over, Period::high);
    }

    private static double demandOver(Forecast forecast, Duration over, ToDoubleFunction<Period> value) {
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(over, "over");
        if (over.isNegative()) {
            throw new IllegalArgumentException("demand over a negative time: " + over);
        }
        Instant from = forecast.start();
        Instant end = from.plus(over);
        double total = 0;
        Instant covered = from;
        for (Period period : forecast.hourly()) {
            total += prorated(period, from, end, value);
            covered = period.end().isAfter(covered) ? period.end() : covered;
        }
        List<Period> daily = forecast.daily();
        for (Period period : daily) {
            total += prorated(period, covered, end, value);
        }
        if (daily.isEmpty()) {
            return total;
        }
        Instant dailyEnd = daily.getLast().end();
        Instant after = dailyEnd.isAfter(covered) ? dailyEnd : covered;
        List<Period> lastWeek = daily.subList(Math.max(0, daily.size() - 7), daily.size());
        for (int week = 1; dailyEnd.plus(WEEK.multipliedBy(week - 1)).isBefore(end); week++) {
            Duration shift = WEEK.multipliedBy(week);
            for (Period period : lastWeek) {
                Period repeated = new Period(
                        period.start().plus(shift),
                        period.end().plus(shift),
                        period.expected(),
                        period.low(),
                        period.high());
                total += prorated(repeated, after, end, value);
            }
        }
        return total;
    }

    /** The period's value times the share of it inside {@code [from, to)}. */
    private static double prorated(Period period, Instant from, Instant to, ToDoubleFunction<Period> value) {
        Instant a = period.start().isAfter(from) ? period.start() : from;
        Instant b = period.end().isBefore(to) ? period.end() : to;
        if (!b.isAfter(a)) {
            return 0;
        }
        double share =
                Duration.between(a, b).toMillis() / (double) period.length().toMillis();
        return value.applyAsDouble(period) * share;
    }

    private static double variance(double mean, double dispersion) {
        return mean + dispersion * mean * mean;
    }

    /** A period whose demand has the given distribution (units already ordered, and more to come). */
    private Period period(Instant from, Instant to, CountDistribution demand) {
        int[] interval = CountDistribution.interval(demand.mean(), demand.variance(), settings.coverage());
        double low = demand.observed() + interval[0];
        double high = demand.observed() + interval[1];
        double expected = demand.observed() + demand.mean();
        return new Period(from, to, expected, Math.min(low, expected), Math.max(high, expected));
    }
}
