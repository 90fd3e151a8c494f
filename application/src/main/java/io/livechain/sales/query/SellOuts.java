package io.livechain.sales.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Per offer of a live stream (in the order of their SKUs): the units it admitted, and since when it is sold out. */
public record SellOuts(List<Offer> offers) {

    public SellOuts {
        offers = List.copyOf(offers);
    }

    /**
     * @param admitted units the offer's own count holds admitted (orders cancelled or expired gave theirs back)
     * @param soldOutAt the moment of the admission that took its last unit; absent while it can still admit units
     */
    public record Offer(
            String sku,
            int quantity,
            int admitted,
            @Nullable Instant soldOutAt) {}

    /** The sold-out moment of one SKU's offer, if it is sold out. */
    public Optional<Instant> soldOutAt(String sku) {
        return offers.stream()
                .filter(offer -> offer.sku().equals(sku))
                .findFirst()
                .map(Offer::soldOutAt);
    }
}
