package io.livechain.sales.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.LIVE_STREAM;
import static io.livechain.infrastructure.jooq.read_model.Tables.LIVE_STREAM_OFFER;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_LINE;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import io.livechain.infrastructure.jooq.read_model.tables.records.LiveStreamOfferRecord;
import io.livechain.infrastructure.jooq.read_model.tables.records.LiveStreamRecord;
import io.livechain.infrastructure.projection.Views;
import io.livechain.order.OrderStatus;
import io.livechain.order.StockState;
import io.livechain.sales.LiveStreamStatus;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import io.livechain.sales.query.FindLiveStream;
import io.livechain.sales.query.LiveStreamView;
import io.livechain.sales.query.LiveStreamView.OfferView;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/**
 * Live streams and their offers, and the question of how much each offer has admitted. The stream's status is
 * applied only from an event later in the stream's sequence than the last one applied, so replays cannot turn an
 * ended stream live again. What the offers admitted is not counted here but summed from the orders' lines (the
 * {@code orders} read model), so it is as fresh as the orders are.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class LiveStreamProjection {

    private static final List<String> NOT_HOLDING = List.of(OrderStatus.CANCELLED.name(), OrderStatus.EXPIRED.name());

    private final DSLContext db;

    public LiveStreamProjection(DSLContext db) {
        this.db = db;
    }

    /**
     * Every event of the live stream's family, by a switch over the sealed type: a new event does not compile until
     * this view decides what it changes. What an offer admitted or got back is not counted here (see above).
     */
    @EventHandler
    void on(LiveStreamEvent event, @SequenceNumber long sequence) {
        switch (event) {
            case LiveStreamScheduled scheduled -> scheduled(scheduled, sequence);
            case LiveStreamStarted started -> setStatus(started.liveStreamId(), LiveStreamStatus.LIVE, sequence);
            case LiveStreamEnded ended -> setStatus(ended.liveStreamId(), LiveStreamStatus.ENDED, sequence);
            case OrderAdmitted _, OrderUnitsReturned _ -> {}
        }
    }

    private void scheduled(LiveStreamScheduled event, long sequence) {
        UUID streamId = event.liveStreamId().value();
        db.insertInto(LIVE_STREAM)
                .set(LIVE_STREAM.ID, streamId)
                .set(LIVE_STREAM.MERCHANT_ID, event.merchantId().value())
                .set(LIVE_STREAM.TITLE, event.title())
                .set(LIVE_STREAM.STATUS, LiveStreamStatus.SCHEDULED.name())
                .set(LIVE_STREAM.STARTS_AT, event.startsAt().atOffset(ZoneOffset.UTC))
                .set(LIVE_STREAM.ENDS_AT, event.endsAt().atOffset(ZoneOffset.UTC))
                .set(LIVE_STREAM.PAYMENT_WINDOW_MINUTES, event.paymentWindowMinutes())
                .set(LIVE_STREAM.LAST_SEQUENCE, sequence)
                .onConflictDoNothing()
                .execute();
        List<Query> offers = event.offers().stream()
                .map(offer -> insertOffer(streamId, offer))
                .toList();
        db.batch(offers).execute();
    }

    private Query insertOffer(UUID streamId, OfferTerms offer) {
        return db.insertInto(LIVE_STREAM_OFFER)
                .set(LIVE_STREAM_OFFER.LIVE_STREAM_ID, streamId)
                .set(LIVE_STREAM_OFFER.SKU, offer.sku())
                .set(LIVE_STREAM_OFFER.PRICE, offer.price())
                .set(LIVE_STREAM_OFFER.QUANTITY, offer.quantity())
                .set(LIVE_STREAM_OFFER.PER_BUYER_LIMIT, offer.perBuyerLimit())
                .set(LIVE_STREAM_OFFER.ALLOW_BACKORDER, offer.allowBackorder())
                .onConflictDoNothing();
    }

    private void setStatus(LiveStreamId streamId, LiveStreamStatus status, long sequence) {
        db.update(LIVE_STREAM)
                .set(LIVE_STREAM.STATUS, status.name())
                .set(LIVE_STREAM.LAST_SEQUENCE, sequence)
                .where(LIVE_STREAM.ID.eq(streamId.value()))
                .and(LIVE_STREAM.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    /**
     * Per offer: units admitted are those on lines of orders that are neither cancelled nor expired and whose units
     * were not given back; of these, reserved hold stock at a warehouse and backordered wait for it.
     */
    @QueryHandler
    Optional<LiveStreamView> handle(FindLiveStream query) {
        Optional<LiveStreamRecord> found = db.selectFrom(LIVE_STREAM)
                .where(LIVE_STREAM.ID.eq(query.liveStreamId().value()))
                .and(LIVE_STREAM.MERCHANT_ID.eq(query.merchantId().value()))
                .fetchOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LiveStreamRecord stream = found.get();
        Map<String, Held> held = heldPerSku(stream.getId(), stream.getMerchantId());
        List<OfferView> offers = db.selectFrom(LIVE_STREAM_OFFER)
                .where(LIVE_STREAM_OFFER.LIVE_STREAM_ID.eq(stream.getId()))
                // byte order, whatever the database's collation: the same order as the live stream as of a moment
                .orderBy(LIVE_STREAM_OFFER.SKU.collate("C"))
                .fetch(offer -> toView(offer, held.getOrDefault(offer.getSku(), Held.NONE)));
        return Optional.of(new LiveStreamView(
                stream.getId(),
                stream.getTitle(),
                stream.getStatus(),
                stream.getStartsAt().toInstant(),
                stream.getEndsAt().toInstant(),
                stream.getPaymentWindowMinutes(),
                offers));
    }

    private Map<String, Held> heldPerSku(UUID streamId, UUID merchantId) {
        Field<BigDecimal> admitted = unitsWhere(ORDER_LINE.STOCK.ne(StockState.RELEASED.name()));
        Field<BigDecimal> reserved = unitsWhere(ORDER_LINE.STOCK.eq(StockState.RESERVED.name()));
        Field<BigDecimal> backordered = unitsWhere(ORDER_LINE.STOCK.eq(StockState.BACKORDERED.name()));
        return db.select(ORDER_LINE.SKU, admitted, reserved, backordered)
                .from(ORDER_LINE)
                .join(ORDER_VIEW)
                .on(ORDER_VIEW.ID.eq(ORDER_LINE.ORDER_ID))
                .where(ORDER_LINE.LIVE_STREAM_ID.eq(streamId))
                .and(ORDER_LINE.MERCHANT_ID.eq(merchantId))
                .and(ORDER_VIEW.STATUS.notIn(NOT_HOLDING))
                .groupBy(ORDER_LINE.SKU)
                .fetchMap(
                        row -> row.value1(),
                        row -> new Held(
                                row.value2().intValue(),
                                row.value3().intValue(),
                                row.value4().intValue()));
    }

    private static Field<BigDecimal> unitsWhere(Condition condition) {
        return sum(when(condition, ORDER_LINE.QUANTITY).else_(0));
    }

    private static OfferView toView(LiveStreamOfferRecord offer, Held held) {
        return OfferView.of(
                offer.getSku(),
                offer.getPrice(),
                offer.getQuantity(),
                offer.getPerBuyerLimit(),
                offer.getAllowBackorder(),
                held.admitted(),
                held.reserved(),
                held.backordered());
    }

    private record Held(int admitted, int reserved, int backordered) {
        static final Held NONE = new Held(0, 0, 0);
    }
}
