package io.livechain.sales.query;

import io.livechain.shared.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live stream with, per offer, the units admitted (held by orders that are neither cancelled nor expired), of
 * which reserved and backordered, and the units the offer can still admit.
 */
public record LiveStreamView(
        UUID id,
        String title,
        String status,
        Instant startsAt,
        Instant endsAt,
        int paymentWindowMinutes,
        List<OfferView> offers) {

    public record OfferView(
            String sku,
            BigDecimal price,
            int quantity,
            int perBuyerLimit,
            boolean allowBackorder,
            int admitted,
            int reserved,
            int backordered,
            int remaining) {

        /**
         * An offer and the units its orders hold: admitted is what they hold, remaining what the offer can still
         * admit. The price has its two decimals, as the read model keeps it.
         */
        public static OfferView of(
                String sku,
                BigDecimal price,
                int quantity,
                int perBuyerLimit,
                boolean allowBackorder,
                int admitted,
                int reserved,
                int backordered) {
            return new OfferView(
                    sku,
                    price.setScale(Limits.MONEY_DECIMALS, RoundingMode.HALF_UP),
                    quantity,
                    perBuyerLimit,
                    allowBackorder,
                    admitted,
                    reserved,
                    backordered,
                    Math.max(0, quantity - admitted));
        }
    }
}
