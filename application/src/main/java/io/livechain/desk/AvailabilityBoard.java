package io.livechain.desk;

import io.livechain.participant.ParticipantId;
import io.livechain.sales.LiveStream;
import io.livechain.sales.LiveStreamNotLive;
import io.livechain.sales.LiveStreamStatus;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.SoldOut;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the desk knew after its last commit about which offers can no longer admit anything: a stream that is not
 * live (or whose {@code endsAt} has passed), an offer whose quantity is all admitted, an offer without backorders
 * whose SKU has no stock. A request that would certainly be rejected is answered from here at once, without waiting
 * for a batch or touching the event store. It is only ever a shortcut to a "no": every "yes" is decided by the desk.
 */
public final class AvailabilityBoard {

    private final Map<LiveStreamId, StreamState> streams = new ConcurrentHashMap<>();
    private final Map<InventoryId, Boolean> outOfStock = new ConcurrentHashMap<>();

    /**
     * The rejection this merchant's order at {@code now} would certainly get, if the board knows one. Another
     * merchant's stream is left to the desk, which answers it as not found: the board never tells a competitor what
     * sells.
     */
    public Optional<BusinessRuleViolation> certainRejection(
            ParticipantId merchantId, LiveStreamId streamId, Iterable<RequestedLine> lines, Instant now) {
        StreamState stream = streams.get(streamId);
        if (stream == null || !stream.merchantId().equals(merchantId)) {
            return Optional.empty();
        }
        if (stream.status() != LiveStreamStatus.LIVE) {
            return Optional.of(new LiveStreamNotLive(stream.status()));
        }
        if (stream.endsAt() != null && !now.isBefore(stream.endsAt())) {
            return Optional.of(new LiveStreamNotLive(stream.endsAt()));
        }
        for (RequestedLine line : lines) {
            OfferState offer = stream.offers().get(line.sku());
            if (offer == null) {
                return Optional.empty(); // let the desk say precisely what is wrong
            }
            boolean noStock = !offer.allowBackorder()
                    && outOfStock.getOrDefault(InventoryId.of(stream.merchantId(), line.sku()), false);
            if (offer.remaining() < line.quantity() || noStock) {
                return Optional.of(new SoldOut(line.sku()));
            }
        }
        return Optional.empty();
    }

    void update(LiveStream stream) {
        Map<String, OfferState> offers = new ConcurrentHashMap<>();
        for (OfferTerms offer : stream.offers()) {
            offers.put(offer.sku(), new OfferState(stream.remaining(offer.sku()), offer.allowBackorder()));
        }
        streams.put(
                stream.liveStreamId(), new StreamState(stream.merchantId(), stream.status(), stream.endsAt(), offers));
    }

    void update(Inventory inventory) {
        // with orders waiting, a newcomer cannot take stock ahead of them either
        outOfStock.put(
                InventoryId.of(inventory.merchantId(), inventory.sku()),
                inventory.available() == 0 || inventory.hasBackorders());
    }

    /** Forgets everything: after a failed batch the aggregates are reloaded and the board rebuilt as they are. */
    void clear() {
        streams.clear();
        outOfStock.clear();
    }

    private record StreamState(
            ParticipantId merchantId, LiveStreamStatus status, Instant endsAt, Map<String, OfferState> offers) {}

    private record OfferState(int remaining, boolean allowBackorder) {}
}
