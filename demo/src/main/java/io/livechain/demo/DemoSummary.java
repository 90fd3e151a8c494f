package io.livechain.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the demo sale ended. It succeeded when every placed order was settled (delivered, returned, cancelled or
 * expired) and nothing was oversold.
 *
 * @param oversold units admitted beyond an offer's quantity, plus units reserved beyond a warehouse's stock
 * @param oversoldChecks what was checked, in words
 * @param statuses the placed orders per status at the end
 * @param timelineCommand a curl command showing one delivered order's audit trail (null if none was delivered)
 */
public record DemoSummary(
        long placed,
        long reserved,
        long backordered,
        long soldOut,
        long overLimit,
        long paid,
        long cancelled,
        int oversold,
        List<String> oversoldChecks,
        int batches,
        int unitsProduced,
        int delivered,
        int returned,
        int claimsLost,
        Duration medianToDoor,
        Duration maxToDoor,
        Map<String, Integer> statuses,
        boolean settled,
        Duration elapsed,
        String liveStreamId,
        String merchantApiKey,
        String timelineOrderId,
        String timelineCommand) {

    public boolean success() {
        return settled && oversold == 0;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("──────────────── demo sale summary ────────────────");
        lines.add("orders placed     %d (%d reserved, %d backordered)".formatted(placed, reserved, backordered));
        lines.add("refused           %d sold out, %d over the per-buyer limit".formatted(soldOut, overLimit));
        lines.add("paid / cancelled  %d / %d".formatted(paid, cancelled));
        lines.add("oversold = %d      (%s)".formatted(oversold, String.join("; ", oversoldChecks)));
        lines.add("batches produced  %d (%d units of %s)".formatted(batches, unitsProduced, DemoScript.SERUM));
        lines.add("deliveries        %d delivered, %d returned after 3 failed attempts; %d claims lost a race"
                .formatted(delivered, returned, claimsLost));
        lines.add("order to door     median %s, max %s".formatted(human(medianToDoor), human(maxToDoor)));
        lines.add("settled           %s in %s: %s"
                .formatted(settled ? "every order" : "NOT every order", human(elapsed), describe(statuses)));
        if (timelineCommand != null) {
            lines.add("one order's story " + timelineCommand);
        }
        return lines;
    }

    /** "12 paid, 3 out for delivery, 80 delivered" */
    static String describe(Map<String, Integer> statuses) {
        return statuses.entrySet().stream()
                .map(entry -> entry.getValue() + " "
                        + entry.getKey().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    static String human(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long millis = duration.toMillis();
        return millis < 60_000
                ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : "%d min %d s".formatted(millis / 60_000, millis % 60_000 / 1000);
    }
}
