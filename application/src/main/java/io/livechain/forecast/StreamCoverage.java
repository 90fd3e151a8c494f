package io.livechain.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Which fraction of each hour live streams cover (overlapping streams count once). */
final class StreamCoverage {

    private StreamCoverage() {}

    /** Coverage in [0, 1] of {@code hours} consecutive hours starting at epoch hour {@code firstHour}. */
    static double[] hourly(List<StreamWindow> streams, long firstHour, int hours) {
        return hourly(streams, firstHour, hours, firstHour * 3600);
    }

    /** The same, counting only the time from epoch second {@code fromSecond} on. */
    static double[] hourly(List<StreamWindow> streams, long firstHour, int hours, long fromSecond) {
        double[] coverage = new double[hours];
        if (hours == 0 || streams.isEmpty()) {
            return coverage;
        }
        long from = Math.max(firstHour * 3600, fromSecond);
        long to = (firstHour + hours) * 3600;
        for (long[] window : merged(streams)) {
            long start = Math.max(window[0], from);
            long end = Math.min(window[1], to);
            for (long second = start; second < end; ) {
                long hour = Math.floorDiv(second, 3600);
                long hourEnd = Math.min((hour + 1) * 3600, end);
                coverage[(int) (hour - firstHour)] += (hourEnd - second) / 3600.0;
                second = hourEnd;
            }
        }
        for (int i = 0; i < hours; i++) {
            coverage[i] = Math.min(1.0, coverage[i]);
        }
        return coverage;
    }

    /**
     * Units per hour that the streams sell, each at its own {@code rate} per hour on air, counted from epoch second
     * {@code fromSecond} on; where streams overlap, the hour's total is scaled down so the time counts once.
     */
    static double[] hourlyUnits(
            List<StreamWindow> streams,
            ToDoubleFunction<StreamWindow> rate,
            long firstHour,
            int hours,
            long fromSecond) {
        double[] units = new double[hours];
        double[] onAir = new double[hours];
        for (StreamWindow stream : streams) {
            double perHour = rate.applyAsDouble(stream);
            double[] covered = hourly(List.of(stream), firstHour, hours, fromSecond);
            for (int t = 0; t < hours; t++) {
                units[t] += covered[t] * perHour;
                onAir[t] += covered[t];
            }
        }
        double[] union = hourly(streams, firstHour, hours, fromSecond);
        for (int t = 0; t < hours; t++) {
            if (onAir[t] > union[t]) {
                units[t] *= union[t] / onAir[t];
            }
        }
        return units;
    }

    /** The union of the windows as disjoint [start, end) pairs in epoch seconds. */
    private static List<long[]> merged(List<StreamWindow> streams) {
        List<StreamWindow> sorted = new ArrayList<>(streams);
        sorted.sort(Comparator.comparing(StreamWindow::start));
        List<long[]> union = new ArrayList<>();
        for (StreamWindow stream : sorted) {
            long start = stream.start().getEpochSecond();
            long end = stream.end().getEpochSecond();
            if (!union.isEmpty() && start <= union.getLast()[1]) {
                union.getLast()[1] = Math.max(union.getLast()[1], end);
            } else {
                union.add(new long[] {start, end});
            }
        }
        return union;
    }
}
