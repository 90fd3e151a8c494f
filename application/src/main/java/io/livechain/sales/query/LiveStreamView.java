package io.livechain.sales.query;

import java.math.BigDecimal;
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
            int remaining) {}
}
