package io.livechain.forecast.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Recorded public demand, read from where {@code backtest/real-data/fetch.sh} writes it (it is obtained from Debian's
 * package registry and never committed):
 *
 * <ul>
 *   <li>{@value #TAYLOR}: the hourly electricity demand of England and Wales over 12 weeks from Monday 5 June 2000
 *       (R's forecast package, GPL-3; J.W. Taylor 2003), in MW summed per hour: high counts with a strong daily and
 *       weekly shape, weekdays and weekends of different shapes;
 *   <li>{@value #THINNED}: the same series thinned to low, intermittent counts, each hour a Poisson draw around
 *       {@value #THINNED_MEAN} units an hour times the hour's share of the average: the same shape, at the scale of a
 *       quiet SKU, with a known mean (the error floor).
 * </ul>
 */
public final class RealDemand {

    public static final String TAYLOR = "taylor";
    public static final String THINNED = "taylor-thinned";
    public static final String REAL = "real";
    public static final Instant TAYLOR_START = Instant.parse("2000-06-05T00:00:00Z");
    static final double THINNED_MEAN = 0.3;
    static final String FILE = "taylor-hourly.csv";

    private RealDemand() {}

    /** The series found in {@code directory}: none when the file is not there. */
    public static List<SyntheticDemand.Sku> load(Path directory, long seed) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        int[] hourly = read(file);
        double average = 0;
        for (int units : hourly) {
            average += units;
        }
        average /= hourly.length;
        double[] mean = new double[hourly.length];
        int[] thinned = new int[hourly.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < hourly.length; t++) {
            mean[t] = THINNED_MEAN * hourly[t] / average;
            thinned[t] = SyntheticDemand.poisson(random, mean[t]);
        }
        return List.of(
                new SyntheticDemand.Sku(TAYLOR, REAL, TAYLOR_START, hourly, List.of()),
                new SyntheticDemand.Sku(THINNED, REAL, TAYLOR_START, thinned, List.of(), mean));
    }

    private static int[] read(Path file) {
        try {
            List<Integer> values = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String value = line.strip();
                if (!value.isEmpty() && !value.startsWith("#")) {
                    values.add((int) Math.round(Double.parseDouble(value)));
                }
            }
            return values.stream().mapToInt(Integer::intValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
