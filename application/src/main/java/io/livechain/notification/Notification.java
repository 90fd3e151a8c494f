package io.livechain.notification;

import io.livechain.forecast.Period;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a participant is told, in the public shape it is told in. A notification carries facts about the
 * participant's own objects and never a secret: no delivery code (nor its hash), no API key, no payment reference.
 * Its {@link #type()} is the stable name a subscriber chooses and branches on.
 */
public sealed interface Notification {

    /** The stable name of this kind of notification, e.g. {@code order.status_changed}. */
    String type();

    /** Every type, in the order they are documented. */
    static List<String> types() {
        return List.of(
                OrderStatusChanged.TYPE,
                StreamFigures.TYPE,
                StockLow.TYPE,
                ProductionRequested.TYPE,
                ProductionRevised.TYPE,
                ForecastUpdated.TYPE,
                DeliveryOffered.TYPE,
                DeliveryClaimExpired.TYPE,
                OrderReadyToPick.TYPE);
    }

    /** To the merchant: an order's status changed ({@code PLACED}, {@code PAID}, ... {@code DELIVERED}). */
    record OrderStatusChanged(
            UUID orderId,
            String status,
            @Nullable UUID liveStreamId,
            @Nullable String buyerId,
            @Nullable String reason) implements Notification {
        public static final String TYPE = "order.status_changed";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * To the merchant: a live stream's figures after a change (it went live or ended, an order's units came back, or
     * an admission took an offer past a hundredth of its quantity or sold it out), counted from the stream's own
     * events up to that change.
     */
    record StreamFigures(UUID liveStreamId, String status, List<OfferFigures> offers) implements Notification {
        public static final String TYPE = "stream.figures";

        @Override
        public String type() {
            return TYPE;
        }

        /** One offer: its cap, the units admitted so far (less those that came back), and what remains. */
        public record OfferFigures(String sku, int quantity, int admitted, int remaining) {}
    }

    /**
     * To the merchant: a SKU's stock runs short. Either an order waits for units that are not there ({@code
     * BACKORDERED}, with the units it waits for), or replenishment asked the product's factory for more because
     * the stock position fell below the reorder point ({@code REPLENISHMENT_REQUESTED}, with the batch).
     */
    record StockLow(
            String sku,
            String reason,
            int quantity,
            @Nullable UUID orderId,
            @Nullable UUID batchId,
            @Nullable UUID factoryId,
            @Nullable Instant neededBy)
            implements Notification {
        public static final String TYPE = "stock.low";
        public static final String BACKORDERED = "BACKORDERED";
        public static final String REPLENISHMENT_REQUESTED = "REPLENISHMENT_REQUESTED";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** To the factory: a production request for one of its products. */
    record ProductionRequested(UUID batchId, UUID merchantId, String sku, int quantity, Instant neededBy)
            implements Notification {
        public static final String TYPE = "production.requested";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** To the factory: an open production request's size or date was revised as demand changed. */
    record ProductionRevised(UUID batchId, UUID merchantId, String sku, int quantity, Instant neededBy)
            implements Notification {
        public static final String TYPE = "production.revised";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * To the factory: the demand forecast of a product it makes, when it is first made and whenever it changes enough
     * to plan differently on (a day's or the next 24 hours' expected demand moved by a tenth, and by a unit at least).
     * The same shape as one forecast of {@code GET /api/v1/factory/forecasts}: 24 hourly periods, then 14 daily ones.
     */
    record ForecastUpdated(UUID merchantId, String sku, Instant generatedAt, List<Period> periods)
            implements Notification {
        public static final String TYPE = "forecast.updated";

        public ForecastUpdated {
            periods = List.copyOf(periods);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** To the couriers of the delivery's zone: a delivery is offered (first, or again after a lapse or a failure). */
    record DeliveryOffered(UUID deliveryId, UUID orderId, UUID pickupWarehouseId, String zone) implements Notification {
        public static final String TYPE = "delivery.offered";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** To the courier whose claim lapsed: it was not picked up in time and the delivery is offered again. */
    record DeliveryClaimExpired(UUID deliveryId, UUID orderId, UUID courierId) implements Notification {
        public static final String TYPE = "delivery.claim_expired";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** To a warehouse: a paid order has every line reserved, and some of them are to be picked there. */
    record OrderReadyToPick(UUID orderId, UUID merchantId, UUID warehouseId) implements Notification {
        public static final String TYPE = "order.ready_to_pick";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
