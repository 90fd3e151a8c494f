package io.livechain.forecast.store;

import static io.livechain.infrastructure.jooq.read_model.Tables.DEMAND_MINUTE;
import static io.livechain.infrastructure.jooq.read_model.Tables.FORECAST;
import static io.livechain.infrastructure.jooq.read_model.Tables.FORECAST_STREAM;

import io.livechain.audit.AuditMetadata;
import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.DemandHistory;
import io.livechain.forecast.Forecast;
import io.livechain.forecast.ForecastNews;
import io.livechain.forecast.Period;
import io.livechain.forecast.StreamPrior;
import io.livechain.forecast.StreamWindow;
import io.livechain.forecast.event.DemandForecastPublished;
import io.livechain.forecast.query.ForecastView;
import io.livechain.forecast.query.ListForecasts;
import io.livechain.participant.ParticipantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes each SKU's forecast from its demand history and its live streams (past ones teach the lift, scheduled
 * ones receive it; a SKU that never streamed gets its merchant's {@link StreamPrior}), keeps the latest one, and serves
 * it to factories and to replenishment. The forecasts' processor asks for refreshes as products, streams and orders
 * arrive ({@code ForecastProjection}); a periodic task catches up with owed and aging ones.
 */
@Component
public class ForecastStore {

    /** How much history the forecast learns from. */
    static final Duration HISTORY = Duration.ofDays(70);

    /** A merchant's SKU. */
    public record Sku(UUID merchantId, String sku) {}

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;
    private final EventBus events;
    private final TransactionTemplate transaction;
    private final DemandForecaster forecaster = new DemandForecaster();

    public ForecastStore(
            DSLContext db, JsonMapper json, Clock clock, EventBus events, PlatformTransactionManager transactions) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A new product: its forecast exists from now on (zero, or lifted by streams already scheduled), and is told to its
     * factory when {@code tell}.
     */
    public void define(Sku sku, UUID factoryId, Instant now, boolean tell) {
        store(sku, new Product(factoryId, null), compute(sku, now), tell);
    }

    /**
     * Recomputes the forecasts of these SKUs now (those that are not products yet have none), telling the factories
     * those worth telling when {@code tell}.
     */
    public void refresh(Collection<Sku> skus, Instant now, boolean tell) {
        products(skus, DSL.trueCondition()).forEach((sku, product) -> store(sku, product, compute(sku, now), tell));
    }

    /**
     * For SKUs that orders arrived for: recomputes the forecasts computed longer than {@code interval} ago, and marks
     * the others owed, for {@link #refreshDue} to compute once the interval is over. A burst of orders thus costs a SKU
     * one forecast per interval, not one per batch of orders.
     */
    public void refreshOrDefer(Collection<Sku> skus, Instant now, Duration interval, boolean tell) {
        if (skus.isEmpty()) {
            return;
        }
        Condition old = FORECAST.GENERATED_AT.le(utc(now.minus(interval)));
        products(skus, old).forEach((sku, product) -> store(sku, product, compute(sku, now), tell));
        db.update(FORECAST)
                .set(FORECAST.REFRESH_DUE, true)
                .where(anyOf(skus))
                .and(FORECAST.GENERATED_AT.gt(utc(now.minus(interval))))
                .execute();
    }

    /**
     * Recomputes the forecasts that are owed a refresh (and at least {@code interval} old), older than {@code
     * maxAge}, or made before the current hour began (their first period is over), and, when {@code tell}, tells the
     * factories those worth telling. Returns how many were recomputed.
     */
    public int refreshDue(Instant now, Duration interval, Duration maxAge, boolean tell) {
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        var due = db.select(FORECAST.MERCHANT_ID, FORECAST.SKU, FORECAST.FACTORY_ID, FORECAST.TOLD)
                .from(FORECAST)
                .where(FORECAST.REFRESH_DUE.isTrue().and(FORECAST.GENERATED_AT.le(utc(now.minus(interval)))))
                .or(FORECAST.GENERATED_AT.lt(utc(now.minus(maxAge))))
                .or(FORECAST.GENERATED_AT.lt(utc(currentHour)))
                .fetch();
        for (var row : due) {
            Sku sku = new Sku(row.value1(), row.value2());
            store(sku, new Product(row.value3(), row.value4()), compute(sku, now), tell);
        }
        return due.size();
    }

    public Optional<Forecast> forecast(UUID merchantId, String sku) {
        return db.select(FORECAST.BODY)
                .from(FORECAST)
                .where(FORECAST.MERCHANT_ID.eq(merchantId))
                .and(FORECAST.SKU.eq(sku))
                .fetchOptional(row -> json.readValue(row.value1(), Forecast.class));
    }

    /**
     * The factory's forecasts, with the hour and the day under way raised to what they sold so far: orders that
     * arrived since a forecast was computed are never forecast away.
     */
    @QueryHandler
    List<ForecastView> handle(ListForecasts query) {
        Instant now = clock.instant();
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Field<BigDecimal> thisHour =
                DSL.sum(DEMAND_MINUTE.UNITS).filterWhere(DEMAND_MINUTE.MINUTE.ge(utc(currentHour)));
        Map<Sku, int[]> sold = new HashMap<>();
        db.select(DEMAND_MINUTE.MERCHANT_ID, DEMAND_MINUTE.SKU, thisHour, DSL.sum(DEMAND_MINUTE.UNITS))
                .from(DEMAND_MINUTE)
                .join(FORECAST)
                .on(FORECAST.MERCHANT_ID.eq(DEMAND_MINUTE.MERCHANT_ID))
                .and(FORECAST.SKU.eq(DEMAND_MINUTE.SKU))
                .where(FORECAST.FACTORY_ID.eq(query.factoryId().value()))
                .and(DEMAND_MINUTE.MINUTE.ge(utc(now.truncatedTo(ChronoUnit.DAYS))))
                .and(DEMAND_MINUTE.MINUTE.le(utc(now)))
                .groupBy(DEMAND_MINUTE.MERCHANT_ID, DEMAND_MINUTE.SKU)
                .forEach(row -> sold.put(
                        new Sku(row.value1(), row.value2()), new int[] {units(row.value3()), units(row.value4())}));
        return db.selectFrom(FORECAST)
                .where(FORECAST.FACTORY_ID.eq(query.factoryId().value()))
                .orderBy(FORECAST.MERCHANT_ID, FORECAST.SKU)
                .fetch(row -> {
                    int[] units = sold.getOrDefault(new Sku(row.getMerchantId(), row.getSku()), new int[2]);
                    Forecast forecast =
                            json.readValue(row.getBody(), Forecast.class).withSold(now, units[0], units[1]);
                    List<Period> periods = new ArrayList<>(forecast.hourly());
                    periods.addAll(forecast.daily());
                    return new ForecastView(row.getMerchantId(), row.getSku(), forecast.generatedAt(), periods);
                });
    }

    /** The SKU's forecast as of {@code now}: the history of whole hours, the hour under way so far, its streams. */
    Forecast compute(Sku sku, Instant now) {
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = currentHour.minus(HISTORY);
        int hours = (int) Duration.between(firstHour, currentHour).toHours();
        int[] hourly = new int[hours + 1]; // the last one: the hour under way, until now
        var hour = DSL.field("date_trunc('hour', {0})", OffsetDateTime.class, DEMAND_MINUTE.MINUTE);
        db.select(hour, DSL.sum(DEMAND_MINUTE.UNITS))
                .from(DEMAND_MINUTE)
                .where(DEMAND_MINUTE.MERCHANT_ID.eq(sku.merchantId()))
                .and(DEMAND_MINUTE.SKU.eq(sku.sku()))
                .and(DEMAND_MINUTE.MINUTE.ge(utc(firstHour)))
                .and(DEMAND_MINUTE.MINUTE.le(utc(now)))
                .groupBy(hour)
                .forEach(row -> {
                    int index = (int) Duration.between(firstHour, row.value1().toInstant())
                            .toHours();
                    if (index >= 0 && index < hourly.length) {
                        hourly[index] = units(row.value2());
                    }
                });
        List<StreamWindow> past = new ArrayList<>();
        List<StreamWindow> scheduled = new ArrayList<>();
        for (StreamWindow window : streams(sku, firstHour, now)) {
            (window.start().isBefore(currentHour) ? past : scheduled).add(window);
            if (window.start().isBefore(currentHour) && window.end().isAfter(currentHour)) {
                scheduled.add(window); // on air since before this hour: its remaining time is still ahead
            }
        }
        StreamPrior prior =
                past.isEmpty() && !scheduled.isEmpty() ? prior(sku.merchantId(), firstHour) : StreamPrior.DEFAULT;
        DemandHistory history = new DemandHistory(firstHour, Arrays.copyOf(hourly, hours), past);
        return forecaster.forecast(history, hourly[hours], scheduled, prior, now);
    }

    /**
     * The SKU's streams as they are on air: from when they went on air (else their scheduled start, but not before
     * now) until they went off it (else their scheduled end, or the end of this hour for one still on air after
     * it). A stream that never went on air and whose time is over is left out: it sold nothing, nor was it meant to.
     */
    private List<StreamWindow> streams(Sku sku, Instant firstHour, Instant now) {
        Instant hourEnd = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        List<StreamWindow> windows = new ArrayList<>();
        db.selectFrom(FORECAST_STREAM)
                .where(FORECAST_STREAM.MERCHANT_ID.eq(sku.merchantId()))
                .and(FORECAST_STREAM.SKU.eq(sku.sku()))
                .and(DSL.coalesce(FORECAST_STREAM.ENDED_AT, FORECAST_STREAM.ENDS_AT)
                        .gt(utc(firstHour)))
                .forEach(stream -> {
                    Instant start;
                    Instant end;
                    if (stream.getStartedAt() == null) {
                        start = max(stream.getStartsAt().toInstant(), now);
                        end = stream.getEndsAt().toInstant();
                    } else {
                        start = stream.getStartedAt().toInstant();
                        end = stream.getEndedAt() != null
                                ? stream.getEndedAt().toInstant()
                                : max(stream.getEndsAt().toInstant(), hourEnd);
                    }
                    if (end.isAfter(start)) {
                        windows.add(new StreamWindow(start, end, stream.getQuantity()));
                    }
                });
        return windows;
    }

    /** What the merchant's streams that went on air and off it sold of their offers while on air. */
    private StreamPrior prior(UUID merchantId, Instant since) {
        var stream = FORECAST_STREAM.as("s");
        // per minute: the minute the stream went on air counts whole
        Field<OffsetDateTime> onAirMinute =
                DSL.field("date_trunc('minute', {0})", OffsetDateTime.class, stream.STARTED_AT);
        Field<BigDecimal> ordered = DSL.field(DSL.select(DSL.coalesce(DSL.sum(DEMAND_MINUTE.UNITS), BigDecimal.ZERO))
                .from(DEMAND_MINUTE)
                .where(DEMAND_MINUTE.MERCHANT_ID.eq(stream.MERCHANT_ID))
                .and(DEMAND_MINUTE.SKU.eq(stream.SKU))
                .and(DEMAND_MINUTE.MINUTE.ge(onAirMinute))
                .and(DEMAND_MINUTE.MINUTE.lt(stream.ENDED_AT)));
        List<StreamPrior.Outcome> outcomes = db.select(stream.QUANTITY, ordered)
                .from(stream)
                .where(stream.MERCHANT_ID.eq(merchantId))
                .and(stream.ENDED_AT.gt(utc(since)))
                .and(stream.STARTED_AT.isNotNull())
                .and(stream.QUANTITY.gt(0))
                .fetch(row -> new StreamPrior.Outcome(row.value1(), Math.min(row.value1(), units(row.value2()))));
        return StreamPrior.learnedFrom(outcomes);
    }

    /** A SKU that is a product: its factory, and the forecast it was last told (as stored; null: none yet). */
    private record Product(UUID factoryId, @Nullable String told) {}

    /** Those of these SKUs that have a forecast row (are products) and meet the condition. */
    private Map<Sku, Product> products(Collection<Sku> skus, Condition condition) {
        Map<Sku, Product> products = new HashMap<>();
        if (skus.isEmpty()) {
            return products;
        }
        db.select(FORECAST.MERCHANT_ID, FORECAST.SKU, FORECAST.FACTORY_ID, FORECAST.TOLD)
                .from(FORECAST)
                .where(anyOf(skus))
                .and(condition)
                .forEach(row ->
                        products.put(new Sku(row.value1(), row.value2()), new Product(row.value3(), row.value4())));
        return products;
    }

    private static Condition anyOf(Collection<Sku> skus) {
        return DSL.or(skus.stream()
                .map(sku -> FORECAST.MERCHANT_ID.eq(sku.merchantId()).and(FORECAST.SKU.eq(sku.sku())))
                .toList());
    }

    /**
     * Keeps the SKU's latest forecast and, when {@code tell} and it is news against the one told last ({@link
     * ForecastNews}), tells it to the factory: the {@link DemandForecastPublished} event is stored in the same
     * transaction as the row that remembers it was told (the processor's, or one of its own for the periodic refresh).
     */
    private void store(Sku sku, Product product, Forecast forecast, boolean tell) {
        String body = json.writeValueAsString(forecast);
        boolean news = tell && ForecastNews.worthTelling(told(product), forecast);
        transaction.executeWithoutResult(status -> keep(sku, product, forecast, body, news));
    }

    private void keep(Sku sku, Product product, Forecast forecast, String body, boolean news) {
        db.insertInto(FORECAST)
                .set(FORECAST.MERCHANT_ID, sku.merchantId())
                .set(FORECAST.SKU, sku.sku())
                .set(FORECAST.FACTORY_ID, product.factoryId())
                .set(FORECAST.GENERATED_AT, utc(forecast.generatedAt()))
                .set(FORECAST.BODY, body)
                .set(FORECAST.REFRESH_DUE, false)
                .set(FORECAST.TOLD, news ? body : null)
                .onConflict(FORECAST.MERCHANT_ID, FORECAST.SKU)
                .doUpdate()
                .set(FORECAST.FACTORY_ID, product.factoryId())
                .set(FORECAST.GENERATED_AT, utc(forecast.generatedAt()))
                .set(FORECAST.BODY, body)
                .set(FORECAST.REFRESH_DUE, false)
                .set(FORECAST.TOLD, news ? DSL.val(body) : FORECAST.TOLD)
                .execute();
        if (news) {
            events.publish(GenericEventMessage.asEventMessage(new DemandForecastPublished(
                            new ParticipantId(sku.merchantId()),
                            sku.sku(),
                            new ParticipantId(product.factoryId()),
                            forecast.generatedAt(),
                            forecast.hourly(),
                            forecast.daily()))
                    .andMetaData(AuditMetadata.ofThePlatform("forecasts")));
        }
    }

    private @Nullable Forecast told(Product product) {
        return product.told() == null ? null : json.readValue(product.told(), Forecast.class);
    }

    private static int units(BigDecimal sum) {
        return sum == null ? 0 : (int) Math.min(Integer.MAX_VALUE, sum.longValue());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
