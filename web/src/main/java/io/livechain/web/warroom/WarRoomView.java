package io.livechain.web.warroom;

import io.livechain.order.query.StreamOrderCounts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a live stream's war room shows, as of {@code computedAt}: each offer's units and when it sold out, the order
 * intake second by second, the backorders and the batches that will fill them, and where the stream's orders are.
 */
@Schema(description = "A live stream's war room, computed once a second for all its viewers.")
public record WarRoomView(
        UUID liveStreamId,
        String title,
        @Schema(description = "SCHEDULED, LIVE or ENDED") String status,
        Instant startsAt,
        Instant endsAt,

        @Schema(description = "When these figures were computed (they are at most about a second old).")
        Instant computedAt,

        List<Offer> offers,

        @Schema(
                description = "The stream's orders by status: placed (awaiting payment), paid, packed, out for"
                        + " delivery, delivered, returned, and those that ended without shipping (cancelled,"
                        + " expired).")
        StreamOrderCounts orders,

        @Schema(
                description = "Per offer that takes backorders, or has some: the units waiting for stock, and the"
                        + " open production batches of its SKU that will fill them, oldest first.")
        List<Backorders> backorders,

        Intake intake) {

    /**
     * One offer: units admitted by orders still holding them, of which reserved at a warehouse and backordered; what it
     * can still admit; and since when it is sold out (absent while it is not).
     */
    public record Offer(
            String sku,
            int quantity,
            boolean allowBackorder,
            int admitted,
            int reserved,
            int backordered,
            int remaining,

            @Schema(description = "When the admission that took its last unit was decided; absent while units remain.")
            @Nullable
            Instant soldOutAt) {}

    /** A SKU's backorders and the batches that will fill them. */
    public record Backorders(String sku, int waiting, List<Batch> batches) {}

    /** An open production batch: requested, accepted, started, completed or shipped (not yet received). */
    public record Batch(
            UUID id,
            String status,
            int quantity,
            @Nullable Integer committedQuantity,
            @Nullable Instant expectedCompletionAt,
            int shippedQuantity,
            Instant requestedAt) {}

    /**
     * The answers of {@code POST /api/v1/orders} about this stream, second by second, counted by this instance of
     * the platform since a war room first watched the stream.
     */
    public record Intake(Instant watchedSince, List<Second> seconds) {}

    /**
     * One second of the order intake: answers per second by outcome, and how long they took (absent in a second
     * without answers).
     */
    public record Second(
            Instant at,

            @Schema(description = "Orders placed per second (201).")
            double placed,

            @Schema(description = "Orders refused per second (4xx: sold out, over the limit, ...).")
            double refused,

            @Schema(description = "Orders not taken per second (503: busy or unavailable; nothing changed).")
            double notTaken,

            @Schema(description = "Median answer time, in milliseconds.") @Nullable
            Double p50Ms,

            @Schema(description = "99th percentile of the answer time, in milliseconds.") @Nullable
            Double p99Ms,

            @Schema(description = "Longest answer time, in milliseconds.") @Nullable
            Double maxMs) {}
}
