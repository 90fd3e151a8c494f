package io.livechain.forecast.backtest;

import io.livechain.forecast.StreamWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic demand (the same seed gives the same data) for a handful of SKUs over {@link #DAYS}
 * days of UTC hours from {@link #START} (a Monday):
 *
 * <ul>
 *   <li>busy SKUs: a daily curve (night low, evening peak), a weekly curve (weekend higher), slow growth,
 *       over-dispersed noise, and 1–3 live streams a week of 1–2 hours whose demand is 20–100× the SKU's
 *       average hourly demand;
 *   <li>intermittent SKUs: mostly zero, now and then an order of 1–3 units; one of them has a stream now and
 *       then;
 *   <li>new SKUs: launched a few weeks before the end (short history), with a launch stream and an early boost
 *       that fades.
 * </ul>
 *
 * <p>Every stream's offer holds 1.3–2.2 times the units the stream is made to sell, as a merchant who expects to
 * sell most of an offer would set it (drawn from a random stream of its own, so the demand does not depend on it).
 */
public final class SyntheticDemand {

    public static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
    public static final int DAYS = 84;

    /**
     * One series: its demand per hour from {@code firstHour}, every stream that featured it (past and future), and,
     * where it is known (synthetic data), the mean each hour's demand was drawn from ({@code null} otherwise): the
     * forecast no method can beat on average, whose error is the floor.
     */
    public record Sku(
            String name,
            String group,
            Instant firstHour,
            int[] hourlyUnits,
            List<StreamWindow> streams,
            double[] mean) {

        public Sku {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(firstHour, "firstHour");
            hourlyUnits = hourlyUnits.clone();
            streams = List.copyOf(streams);
            mean = mean == null ? null : mean.clone();
            if (mean != null && mean.length != hourlyUnits.length) {
                throw new IllegalArgumentException("one mean per hour");
            }
        }

        /** A series whose means are unknown (recorded demand). */
        public Sku(String name, String group, Instant firstHour, int[] hourlyUnits, List<StreamWindow> streams) {
            this(name, group, firstHour, hourlyUnits, streams, null);
        }

        @Override
        public double[] mean() {
            return mean == null ? null : mean.clone();
        }

        /** The mean hour {@code t} was drawn from, NaN where unknown. */
        double meanAt(int t) {
            return mean == null ? Double.NaN : mean[t];
        }

        @Override
        public int[] hourlyUnits() {
            return hourlyUnits.clone();
        }

        int unitsAt(int hour) {
            return hourlyUnits[hour];
        }

        int hours() {
            return hourlyUnits.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sku that
                    && name.equals(that.name)
                    && group.equals(that.group)
                    && firstHour.equals(that.firstHour)
                    && Arrays.equals(hourlyUnits, that.hourlyUnits)
                    && streams.equals(that.streams)
                    && Arrays.equals(mean, that.mean);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, group, firstHour, Arrays.hashCode(hourlyUnits), streams, Arrays.hashCode(mean));
        }

        @Override
        public String toString() {
            return "Sku[" + name + ", " + group + ", from " + firstHour + ", " + hourlyUnits.length + " hours, "
                    + streams.size() + " streams]";
        }
    }

    public static final String BUSY = "busy";
    public static final String INTERMITTENT = "intermittent";
    public static final String NEW = "new";

    // night low, lunch bump, evening peak (UTC hours 0..23)
    private static final double[] EVENING_CURVE = {
        0.5, 0.3, 0.2, 0.15, 0.15, 0.2, 0.35, 0.6, 0.8, 0.9, 1.0, 1.1, 1.3, 1.2, 1.0, 1.0, 1.05, 1.2, 1.5, 1.9, 2.2,
        2.1, 1.6, 0.9
    };
    private static final double[] LUNCH_CURVE = {
        0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.4, 1.6, 1.9, 2.1, 1.8, 1.4, 1.2, 1.1, 1.2, 1.4, 1.6, 1.5, 1.2,
        0.8, 0.5
    };
    private static final double[] FLAT_DAY = {
        0.6, 0.5, 0.4, 0.4, 0.4, 0.5, 0.7, 0.9, 1.1, 1.2, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2, 1.2, 1.3, 1.4, 1.4, 1.2,
        1.0, 0.8
    };
    // Monday .. Sunday
    private static final double[] WEEKEND_HIGH = {0.9, 0.85, 0.9, 0.95, 1.1, 1.4, 1.35};
    private static final double[] WEEKEND_MILD = {0.95, 0.95, 1.0, 1.0, 1.05, 1.25, 1.2};
    private static final double[] NO_WEEK = {1, 1, 1, 1, 1, 1, 1};

    /** How one SKU's demand is made. */
    private record Recipe(
            String name,
            String group,
            int launchDay,
            double hourlyRate,
            double[] dayCurve,
            double[] weekCurve,
            double growthPerWeek,
            double noiseDispersion,
            double launchBoost,
            double orderProbability,
            double minStreamsPerWeek,
            double maxStreamsPerWeek) {

        boolean intermittent() {
            return orderProbability > 0;
        }
    }

    private static final List<Recipe> RECIPES = List.of(
            new Recipe("busy-hoodie", BUSY, 0, 8, EVENING_CURVE, WEEKEND_HIGH, 0.01, 0.1, 0, 0, 1, 3),
            new Recipe("busy-lipstick", BUSY, 0, 3, LUNCH_CURVE, WEEKEND_MILD, 0.0, 0.15, 0, 0, 1, 2),
            new Recipe("quiet-vase", INTERMITTENT, 0, 0, FLAT_DAY, NO_WEEK, 0, 0, 0, 0.04, 0, 0),
            new Recipe("quiet-teapot", INTERMITTENT, 0, 0, FLAT_DAY, WEEKEND_MILD, 0, 0, 0, 0.025, 0, 1),
            new Recipe("new-sneaker", NEW, 42, 4, EVENING_CURVE, WEEKEND_HIGH, 0.0, 0.1, 1.5, 0, 2, 2),
            new Recipe("new-scarf", NEW, 45, 1.5, FLAT_DAY, WEEKEND_MILD, 0.0, 0.2, 1.0, 0, 1, 2));

    private SyntheticDemand() {}

    /** The SKUs' demand for the given seed. */
    public static List<Sku> generate(long seed) {
        List<Sku> skus = new ArrayList<>();
        for (int i = 0; i < RECIPES.size(); i++) {
            skus.add(generate(
                    RECIPES.get(i),
                    new SplittableRandom(seed * 1_000_003L + i),
                    new SplittableRandom(seed * 1_000_033L + i + 17)));
        }
        return List.copyOf(skus);
    }

    private static Sku generate(Recipe recipe, SplittableRandom random, SplittableRandom offers) {
        Instant firstHour = START.plus(Duration.ofDays(recipe.launchDay()));
        int hours = (DAYS - recipe.launchDay()) * 24;
        double[] dayCurve = normalised(recipe.dayCurve());
        double[] weekCurve = normalised(recipe.weekCurve());
        // the SKU's average hourly demand, the yardstick of a stream's lift
        double averageRate = recipe.intermittent() ? recipe.orderProbability() * 2 : recipe.hourlyRate();

        List<StreamWindow> scheduled = streams(recipe, random, firstHour, hours);
        List<StreamWindow> streams = new ArrayList<>();
        double[] streamRate = new double[hours];
        for (StreamWindow stream : scheduled) {
            double multiple = 20 + 80 * random.nextDouble();
            double expected = 0;
            for (int t = 0; t < hours; t++) {
                Instant from = firstHour.plus(Duration.ofHours(t));
                double covered = stream.overlap(from, from.plusSeconds(3600)).toSeconds() / 3600.0;
                streamRate[t] += covered * multiple * averageRate;
                expected += covered * multiple * averageRate;
            }
            // the merchant offers 1.3-2.2 times what the stream will sell (drawn apart: the demand stays the same)
            int quantity = (int) Math.ceil(expected * (1.3 + 0.9 * offers.nextDouble()));
            streams.add(new StreamWindow(stream.start(), stream.end(), Math.max(1, quantity)));
        }

        int[] units = new int[hours];
        double[] mean = new double[hours];
        for (int t = 0; t < hours; t++) {
            int hourOfDay = t % 24;
            int day = recipe.launchDay() + t / 24;
            double seasonal = dayCurve[hourOfDay] * weekCurve[day % 7];
            double stream = streamRate[t] > 0 ? poisson(random, gammaNoise(random, streamRate[t], 0.05)) : 0;
            if (recipe.intermittent()) {
                int base = random.nextDouble() < recipe.orderProbability() * seasonal ? 1 + random.nextInt(3) : 0;
                units[t] = base + (int) stream;
                mean[t] = Math.min(1, recipe.orderProbability() * seasonal) * 2 + streamRate[t];
            } else {
                double growth = Math.pow(1 + recipe.growthPerWeek(), day / 7.0);
                double boost = 1 + recipe.launchBoost() * Math.exp(-(day - recipe.launchDay()) / 3.0);
                double rate = recipe.hourlyRate() * seasonal * growth * boost;
                units[t] = (int) (poisson(random, gammaNoise(random, rate, recipe.noiseDispersion())) + stream);
                mean[t] = rate + streamRate[t];
            }
        }
        return new Sku(recipe.name(), recipe.group(), firstHour, units, streams, mean);
    }

    /** Streams each week, in the evening, 1–2 hours, starting on the hour or half past; one on launch day. */
    private static List<StreamWindow> streams(Recipe recipe, SplittableRandom random, Instant firstHour, int hours) {
        List<StreamWindow> streams = new ArrayList<>();
        if (recipe.launchDay() > 0) {
            Instant launch = firstHour.plus(Duration.ofHours(20));
            streams.add(new StreamWindow(launch, launch.plus(Duration.ofHours(2))));
        }
        if (recipe.maxStreamsPerWeek() <= 0) {
            return streams;
        }
        int weeks = (hours + 167) / 168;
        for (int week = 0; week < weeks; week++) {
            int count = (int) recipe.minStreamsPerWeek()
                    + random.nextInt((int) (recipe.maxStreamsPerWeek() - recipe.minStreamsPerWeek()) + 1);
            List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
            for (int i = 0; i < count; i++) {
                int day = days.remove(random.nextInt(days.size()));
                int startMinutes = (18 * 60) + 30 * random.nextInt(8); // 18:00 .. 21:30
                int minutes = 60 + 30 * random.nextInt(3); // 60, 90 or 120
                Instant start = firstHour.plus(Duration.ofDays(week * 7L + day)).plus(Duration.ofMinutes(startMinutes));
                Instant end = start.plus(Duration.ofMinutes(minutes));
                if (end.isAfter(firstHour.plus(Duration.ofHours(hours)))
                        || streams.stream().anyMatch(s -> s.overlap(start, end).isPositive())) {
                    continue;
                }
                streams.add(new StreamWindow(start, end));
            }
        }
        streams.sort(Comparator.comparing(StreamWindow::start));
        return streams;
    }

    private static double[] normalised(double[] curve) {
        double mean = Arrays.stream(curve).average().orElse(1);
        return Arrays.stream(curve).map(v -> v / mean).toArray();
    }

    /** The rate times a gamma factor of mean 1 and variance {@code dispersion}: Poisson of it is negative binomial. */
    private static double gammaNoise(SplittableRandom random, double rate, double dispersion) {
        if (dispersion <= 0) {
            return rate;
        }
        return rate * gamma(random, 1 / dispersion) * dispersion;
    }

    /** Marsaglia–Tsang gamma variate with the given shape and scale 1. */
    private static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** A Poisson draw: Knuth's product of uniforms, a normal approximation above 30. */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
