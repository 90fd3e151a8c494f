package io.livechain.forecast.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.DEMAND_MINUTE;
import static io.livechain.infrastructure.jooq.read_model.Tables.FORECAST_STREAM;

import io.livechain.catalog.event.ProductDefined;
import io.livechain.forecast.store.ForecastConfiguration;
import io.livechain.forecast.store.ForecastStore;
import io.livechain.forecast.store.ForecastStore.Sku;
import io.livechain.order.OrderLine;
import io.livechain.order.event.OrderPlaced;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Keeps every forecast current, from the events, on a processor of its own ({@value #PROCESSING_GROUP}), so that
 * neither the order path nor the other views wait for it. It writes what the forecasts learn from (the units ordered
 * per SKU and minute, one statement per batch; the streams featuring each SKU, their offer and their time on air) and
 * refreshes the forecasts the events touch when the batch commits, each SKU once per batch:
 *
 * <ul>
 *   <li>a product is defined: its forecast exists from then on;
 *   <li>a stream featuring the SKU is scheduled, goes on air or off it: refreshed at once;
 *   <li>orders arrive: refreshed at most once per {@code livechain.forecast.refresh-interval}; a refresh asked for
 *       sooner is owed, and the periodic refresh pays it (meanwhile the factories' view raises the hour under way to
 *       what it sold).
 * </ul>
 *
 * <p>The refreshes read only tables this processor writes, in its own transaction, so they see every event of the batch.
 * A refreshed forecast that is news to the product's factory is told to it ({@code DemandForecastPublished}), in the
 * same transaction.
 */
@Component
@ProcessingGroup(ForecastProjection.PROCESSING_GROUP)
public class ForecastProjection {

    public static final String PROCESSING_GROUP = "forecasts";

    private final DSLContext db;
    private final ForecastStore forecasts;
    private final Clock clock;
    private final ForecastConfiguration.Settings settings;

    public ForecastProjection(
            DSLContext db, ForecastStore forecasts, Clock clock, ForecastConfiguration.Settings settings) {
        this.db = db;
        this.forecasts = forecasts;
        this.clock = clock;
        this.settings = settings;
    }

    @EventHandler
    void on(ProductDefined event, @Timestamp Instant at) {
        pending(at)
                .products
                .put(
                        new Sku(event.merchantId().value(), event.sku()),
                        event.factoryId().value());
    }

    @EventHandler
    void on(LiveStreamScheduled event, @Timestamp Instant at) {
        Batch batch = pending(at);
        for (OfferTerms offer : event.offers()) {
            batch.writes.add(db.insertInto(FORECAST_STREAM)
                    .set(FORECAST_STREAM.LIVE_STREAM_ID, event.liveStreamId().value())
                    .set(FORECAST_STREAM.SKU, offer.sku())
                    .set(FORECAST_STREAM.MERCHANT_ID, event.merchantId().value())
                    .set(FORECAST_STREAM.STARTS_AT, utc(event.startsAt()))
                    .set(FORECAST_STREAM.ENDS_AT, utc(event.endsAt()))
                    .set(FORECAST_STREAM.QUANTITY, offer.quantity())
                    .onConflictDoNothing());
            batch.streams.add(new Sku(event.merchantId().value(), offer.sku()));
        }
    }

    @EventHandler
    void on(LiveStreamStarted event, @Timestamp Instant at) {
        Batch batch = pending(at);
        batch.writes.add(db.update(FORECAST_STREAM)
                .set(FORECAST_STREAM.STARTED_AT, utc(at))
                .where(FORECAST_STREAM.LIVE_STREAM_ID.eq(event.liveStreamId().value()))
                .and(FORECAST_STREAM.STARTED_AT.isNull()));
        batch.onOrOffAir.add(event.liveStreamId().value());
    }

    @EventHandler
    void on(LiveStreamEnded event, @Timestamp Instant at) {
        Batch batch = pending(at);
        batch.writes.add(db.update(FORECAST_STREAM)
                .set(FORECAST_STREAM.ENDED_AT, utc(at))
                .where(FORECAST_STREAM.LIVE_STREAM_ID.eq(event.liveStreamId().value()))
                .and(FORECAST_STREAM.ENDED_AT.isNull()));
        batch.onOrOffAir.add(event.liveStreamId().value());
    }

    /** Every order line's units (backordered ones too: they are demand), added up per SKU and minute for the batch. */
    @EventHandler
    void on(OrderPlaced event, @Timestamp Instant at) {
        Batch batch = pending(at);
        Instant minute = event.placedAt().truncatedTo(ChronoUnit.MINUTES);
        for (OrderLine line : event.lines()) {
            Sku sku = new Sku(event.merchantId().value(), line.sku());
            batch.demand.merge(new Minute(sku, minute), (long) line.quantity(), Long::sum);
            batch.ordered.add(sku);
        }
    }

    /** Replaying the events counts the demand and the streams again, from nothing. */
    @ResetHandler
    void reset() {
        db.deleteFrom(DEMAND_MINUTE).execute();
        db.deleteFrom(FORECAST_STREAM).execute();
    }

    /** A SKU's demand in one minute. */
    private record Minute(Sku sku, Instant minute) {}

    /** What one batch of events wrote and which forecasts it touched. */
    private static final class Batch {
        final List<Query> writes = new ArrayList<>();
        final Map<Minute, Long> demand = new TreeMap<>(BY_KEY);
        final Map<Sku, UUID> products = new HashMap<>();
        final Set<Sku> streams = new LinkedHashSet<>();
        final Set<UUID> onOrOffAir = new LinkedHashSet<>();
        final Set<Sku> ordered = new LinkedHashSet<>();
        Instant newest = Instant.MIN;
    }

    private Batch pending(Instant at) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("forecast events are handled in a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch batch = root.getOrComputeResource(ForecastProjection.class.getName(), key -> {
            Batch fresh = new Batch();
            root.onPrepareCommit(unitOfWork -> flush(fresh));
            return fresh;
        });
        if (at.isAfter(batch.newest)) {
            batch.newest = at;
        }
        return batch;
    }

    private void flush(Batch batch) {
        if (!batch.writes.isEmpty()) {
            db.batch(batch.writes).execute();
        }
        if (!batch.demand.isEmpty()) {
            addDemand(batch.demand);
        }
        Instant now = clock.instant();
        // catching up with old events (a first start on a long history), the forecasts are half-learnt: the
        // periodic refresh tells the factories once they are current
        boolean tell = !batch.newest.isBefore(now.minus(settings.maxAge()));
        batch.products.forEach((sku, factory) -> forecasts.define(sku, factory, now, tell));
        Set<Sku> touched = new LinkedHashSet<>(batch.streams);
        if (!batch.onOrOffAir.isEmpty()) {
            db.selectDistinct(FORECAST_STREAM.MERCHANT_ID, FORECAST_STREAM.SKU)
                    .from(FORECAST_STREAM)
                    .where(FORECAST_STREAM.LIVE_STREAM_ID.in(batch.onOrOffAir))
                    .forEach(row -> touched.add(new Sku(row.value1(), row.value2())));
        }
        touched.removeAll(batch.products.keySet());
        forecasts.refresh(touched, now, tell);
        Set<Sku> ordered = new LinkedHashSet<>(batch.ordered);
        ordered.removeAll(touched);
        ordered.removeAll(batch.products.keySet());
        forecasts.refreshOrDefer(ordered, now, settings.refreshInterval(), tell);
    }

    /** One statement for the batch's demand, in key order (so that two writers could never deadlock). */
    private void addDemand(Map<Minute, Long> demand) {
        var insert = db.insertInto(
                DEMAND_MINUTE, DEMAND_MINUTE.MERCHANT_ID, DEMAND_MINUTE.SKU, DEMAND_MINUTE.MINUTE, DEMAND_MINUTE.UNITS);
        for (Map.Entry<Minute, Long> units : demand.entrySet()) {
            Minute key = units.getKey();
            insert = insert.values(key.sku().merchantId(), key.sku().sku(), utc(key.minute()), units.getValue());
        }
        insert.onConflict(DEMAND_MINUTE.MERCHANT_ID, DEMAND_MINUTE.SKU, DEMAND_MINUTE.MINUTE)
                .doUpdate()
                .set(DEMAND_MINUTE.UNITS, DEMAND_MINUTE.UNITS.plus(DSL.excluded(DEMAND_MINUTE.UNITS)))
                .execute();
    }

    private static final Comparator<Minute> BY_KEY = Comparator.comparing(
                    (Minute key) -> key.sku().merchantId())
            .thenComparing(key -> key.sku().sku())
            .thenComparing(Minute::minute);

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
