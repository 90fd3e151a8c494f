package io.livechain.forecast;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a fresh forecast is news to the factory, against the last one it was told: the first forecast always is;
 * after it, one whose expected demand moved, for a calendar day or for the hours both forecasts cover, by a tenth of
 * what the factory was told and by at least one unit. Smaller moves (an hour's rounding, the hourly refresh moving the
 * window on) are left for {@code GET /factory/forecasts}; they add up against the forecast told, not the last one
 * made, so a slow drift is told once it matters.
 */
public final class ForecastNews {

    /** The share of the told demand a period must move by to be news. */
    static final double SHARE = 0.10;

    /** ... and the units at least, so that a SKU selling a unit a week is not news every time it sells. */
    static final double UNITS = 1.0;

    private ForecastNews() {}

    public static boolean worthTelling(@Nullable Forecast told, Forecast fresh) {
        if (told == null) {
            return true;
        }
        return moved(told.hourly(), fresh.hourly(), true) || moved(told.daily(), fresh.daily(), false);
    }

    /**
     * Whether the periods both forecasts cover moved enough: summed ({@code together}, for hours, whose single values
     * are small and noisy) or each on its own (days, which a factory plans on one by one).
     */
    private static boolean moved(List<Period> told, List<Period> fresh, boolean together) {
        Map<Instant, Double> before = new HashMap<>();
        told.forEach(period -> before.put(period.start(), period.expected()));
        double toldSum = 0;
        double freshSum = 0;
        for (Period period : fresh) {
            Double was = before.get(period.start());
            if (was == null) {
                continue;
            }
            if (together) {
                toldSum += was;
                freshSum += period.expected();
            } else if (news(was, period.expected())) {
                return true;
            }
        }
        return together && news(toldSum, freshSum);
    }

    private static boolean news(double told, double fresh) {
        return Math.abs(fresh - told) >= Math.max(UNITS, SHARE * told);
    }
}
