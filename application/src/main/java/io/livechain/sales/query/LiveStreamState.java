package io.livechain.sales.query;

import io.livechain.participant.ParticipantId;
import io.livechain.sales.LiveStreamStatus;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A live stream as its own events tell it: its schedule, its offers and its status, the way the live stream read
 * model keeps them. (What its orders hold is counted from the inventories' events: see
 * {@code sales.projection.StreamHoldings}.)
 */
public final class LiveStreamState {

    private LiveStreamScheduled schedule;
    private LiveStreamStatus status;

    /** Applies one event; a new event type does not compile until it is decided here. */
    public void apply(LiveStreamEvent event) {
        switch (event) {
            case LiveStreamScheduled scheduled -> {
                schedule = scheduled;
                status = LiveStreamStatus.SCHEDULED;
            }
            case LiveStreamStarted started -> status = LiveStreamStatus.LIVE;
            case LiveStreamEnded ended -> status = LiveStreamStatus.ENDED;
            case OrderAdmitted admitted -> {
                // counted from what the orders hold of each SKU
            }
            case OrderUnitsReturned returned -> {
                // likewise
            }
        }
    }

    /** The stream, if it was scheduled, and only to the merchant it belongs to. */
    public Optional<LiveStreamState> of(ParticipantId merchantId) {
        return schedule != null && schedule.merchantId().equals(merchantId) ? Optional.of(this) : Optional.empty();
    }

    public List<OfferTerms> offers() {
        return schedule == null ? List.of() : schedule.offers();
    }

    /** The view, given each offer's view (in the order of their SKUs). */
    public LiveStreamView toView(List<LiveStreamView.OfferView> offers) {
        UUID id = schedule.liveStreamId().value();
        Instant startsAt = schedule.startsAt();
        Instant endsAt = schedule.endsAt();
        return new LiveStreamView(
                id, schedule.title(), status.name(), startsAt, endsAt, schedule.paymentWindowMinutes(), offers);
    }
}
