package io.livechain.sales.query;

import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each offer of a live stream sold out, told by the stream's own events in their order, each with the moment it
 * was stamped: an offer is sold out from the admission that takes its last unit (its cap), until units come back to it
 * (an order cancelled or expired), and then again from the admission that takes the last one again. The offer's own
 * count, so it is exact whatever the read models' lag.
 */
public final class SellOutClock {

    private LiveStreamScheduled schedule;
    private final Map<String, Integer> admitted = new HashMap<>();
    private final Map<String, Instant> soldOutAt = new HashMap<>();

    /** Counts one event of the stream, stamped {@code at}; a new event type does not compile until decided here. */
    public void apply(LiveStreamEvent event, Instant at) {
        switch (event) {
            case LiveStreamScheduled scheduled -> schedule = scheduled;
            case OrderAdmitted admission -> count(admission.lines(), 1, at);
            case OrderUnitsReturned returned -> count(returned.lines(), -1, at);
            case LiveStreamStarted started -> {
                // on air: the offers admit from now on, no unit moves
            }
            case LiveStreamEnded ended -> {
                // off air: what sold out stays sold out; what did not, did not
            }
        }
    }

    private void count(List<RequestedLine> lines, int sign, Instant at) {
        for (RequestedLine line : lines) {
            int units = admitted.merge(line.sku(), sign * line.quantity(), Integer::sum);
            int cap = quantityOf(line.sku());
            if (units >= cap) {
                soldOutAt.putIfAbsent(line.sku(), at);
            } else {
                soldOutAt.remove(line.sku());
            }
        }
    }

    private int quantityOf(String sku) {
        return offerTerms().stream()
                .filter(offer -> offer.sku().equals(sku))
                .mapToInt(OfferTerms::quantity)
                .findFirst()
                .orElse(Integer.MAX_VALUE);
    }

    private List<OfferTerms> offerTerms() {
        return schedule == null ? List.of() : schedule.offers();
    }

    /** The answer, only to the merchant the stream belongs to (and only once it was scheduled). */
    public Optional<SellOuts> sellOuts(ParticipantId merchantId) {
        if (schedule == null || !schedule.merchantId().equals(merchantId)) {
            return Optional.empty();
        }
        return Optional.of(new SellOuts(offerTerms().stream()
                .sorted(Comparator.comparing(OfferTerms::sku))
                .map(offer -> new SellOuts.Offer(
                        offer.sku(),
                        offer.quantity(),
                        admitted.getOrDefault(offer.sku(), 0),
                        soldOutAt.get(offer.sku())))
                .toList()));
    }
}
