package io.livechain.sales.projection;

import io.livechain.infrastructure.projection.AggregateHistory;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.query.FindLiveStreamAsOf;
import io.livechain.sales.query.LiveStreamState;
import io.livechain.sales.query.LiveStreamView;
import io.livechain.sales.query.LiveStreamView.OfferView;
import io.livechain.stock.InventoryId;
import io.livechain.stock.event.InventoryEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * A live stream as of a moment, from the events rather than the read model: the stream's own events up to then
 * (schedule, offers, status), and for each offer what the stream's orders held of its SKU then, from that SKU's
 * inventory events (see {@link StreamHoldings}). One aggregate for the stream and one per offer, each read by its
 * identifier.
 */
@Component
public class LiveStreamHistory {

    private final AggregateHistory history;

    public LiveStreamHistory(AggregateHistory history) {
        this.history = history;
    }

    /** Empty when the stream was not scheduled yet at that moment, or is another merchant's. */
    @QueryHandler
    Optional<LiveStreamView> handle(FindLiveStreamAsOf query) {
        LiveStreamState state = new LiveStreamState();
        history.replay(query.liveStreamId(), query.asOf(), LiveStreamEvent.class, state::apply);
        return state.of(query.merchantId()).map(stream -> stream.toView(offers(stream, query)));
    }

    private List<OfferView> offers(LiveStreamState stream, FindLiveStreamAsOf query) {
        ParticipantId merchantId = query.merchantId();
        return stream.offers().stream()
                .sorted(Comparator.comparing(OfferTerms::sku))
                .map(offer -> {
                    StreamHoldings held = new StreamHoldings(query.liveStreamId());
                    history.replay(
                            InventoryId.of(merchantId, offer.sku()), query.asOf(), InventoryEvent.class, held::apply);
                    return OfferView.of(
                            offer.sku(),
                            offer.price(),
                            offer.quantity(),
                            offer.perBuyerLimit(),
                            offer.allowBackorder(),
                            held.reserved() + held.backordered(),
                            held.reserved(),
                            held.backordered());
                })
                .toList();
    }
}
