package io.livechain.forecast.store;

import static io.livechain.infrastructure.jooq.read_model.Tables.DEMAND;
import static io.livechain.infrastructure.jooq.read_model.Tables.FORECAST;
import static io.livechain.infrastructure.jooq.read_model.Tables.LIVE_STREAM;
import static io.livechain.infrastructure.jooq.read_model.Tables.LIVE_STREAM_OFFER;
import static io.livechain.infrastructure.jooq.read_model.Tables.PRODUCT;

import io.livechain.forecast.DemandForecaster;
import io.livechain.forecast.DemandHistory;
import io.livechain.forecast.Forecast;
import io.livechain.forecast.Period;
import io.livechain.forecast.StreamWindow;
import io.livechain.forecast.query.ForecastView;
import io.livechain.forecast.query.ListForecasts;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes each SKU's forecast from its demand history and its live streams (past ones teach the lift, scheduled
 * ones receive it), keeps the latest one, and serves it to factories and to replenishment.
 */
@Component
public class ForecastStore {

    /** How much history the forecast learns from. */
    static final Duration HISTORY = Duration.ofDays(70);

    private final DSLContext db;
    private final JsonMapper json;
    private final DemandForecaster forecaster = new DemandForecaster();

    public ForecastStore(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Recomputes the forecasts that are missing, older than {@code maxAge}, or overtaken by demand: when the current
     * hour already saw more than the forecast's upper bound for it, demand changed sharply. Returns how many.
     */
    public int refresh(Instant now, Duration maxAge) {
        int refreshed = 0;
        for (var product : db.select(PRODUCT.MERCHANT_ID, PRODUCT.SKU, PRODUCT.FACTORY_ID)
                .from(PRODUCT)
                .fetch()) {
            UUID merchantId = product.value1();
            String sku = product.value2();
            Optional<Forecast> current = forecast(merchantId, sku);
            boolean stale = current.map(
                            forecast -> forecast.generatedAt().plus(maxAge).isBefore(now))
                    .orElse(true);
            if (stale || demandOutran(current.get(), merchantId, sku, now)) {
                store(merchantId, sku, product.value3(), compute(merchantId, sku, now));
                refreshed++;
            }
        }
        return refreshed;
    }

    public Optional<Forecast> forecast(UUID merchantId, String sku) {
        return db.select(FORECAST.BODY)
                .from(FORECAST)
                .where(FORECAST.MERCHANT_ID.eq(merchantId))
                .and(FORECAST.SKU.eq(sku))
                .fetchOptional(row -> json.readValue(row.value1(), Forecast.class));
    }

    @QueryHandler
    List<ForecastView> handle(ListForecasts query) {
        return db.selectFrom(FORECAST)
                .where(FORECAST.FACTORY_ID.eq(query.factoryId().value()))
                .orderBy(FORECAST.MERCHANT_ID, FORECAST.SKU)
                .fetch(row -> {
                    Forecast forecast = json.readValue(row.getBody(), Forecast.class);
                    List<Period> periods = new ArrayList<>(forecast.hourly());
                    periods.addAll(forecast.daily());
                    return new ForecastView(row.getMerchantId(), row.getSku(), forecast.generatedAt(), periods);
                });
    }

    Forecast compute(UUID merchantId, String sku, Instant now) {
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = currentHour.minus(HISTORY);
        int[] hourly = new int[(int) Duration.between(firstHour, currentHour).toHours()];
        var hour = DSL.field("date_trunc('hour', {0})", OffsetDateTime.class, DEMAND.PLACED_AT);
        db.select(hour, DSL.sum(DEMAND.UNITS))
                .from(DEMAND)
                .where(DEMAND.MERCHANT_ID.eq(merchantId))
                .and(DEMAND.SKU.eq(sku))
                .and(DEMAND.PLACED_AT.ge(utc(firstHour)))
                .and(DEMAND.PLACED_AT.lt(utc(currentHour)))
                .groupBy(hour)
                .forEach(row -> {
                    int index = (int) Duration.between(firstHour, row.value1().toInstant())
                            .toHours();
                    if (index >= 0 && index < hourly.length) {
                        hourly[index] = row.value2().intValue();
                    }
                });
        List<StreamWindow> past = new ArrayList<>();
        List<StreamWindow> scheduled = new ArrayList<>();
        db.select(LIVE_STREAM.STARTS_AT, LIVE_STREAM.ENDS_AT)
                .from(LIVE_STREAM)
                .join(LIVE_STREAM_OFFER)
                .on(LIVE_STREAM_OFFER.LIVE_STREAM_ID.eq(LIVE_STREAM.ID))
                .where(LIVE_STREAM.MERCHANT_ID.eq(merchantId))
                .and(LIVE_STREAM_OFFER.SKU.eq(sku))
                .and(LIVE_STREAM.ENDS_AT.gt(utc(firstHour)))
                .forEach(row -> {
                    StreamWindow window = new StreamWindow(
                            row.value1().toInstant(), row.value2().toInstant());
                    (window.start().isBefore(currentHour) ? past : scheduled).add(window);
                    if (window.start().isBefore(currentHour) && window.end().isAfter(currentHour)) {
                        scheduled.add(window); // on air right now: its remaining hours are still ahead
                    }
                });
        return forecaster.forecast(new DemandHistory(firstHour, hourly, past), scheduled, now);
    }

    private boolean demandOutran(Forecast forecast, UUID merchantId, String sku, Instant now) {
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Optional<Period> period = forecast.hourly().stream()
                .filter(p -> !p.start().isAfter(currentHour) && p.end().isAfter(currentHour))
                .findFirst();
        if (period.isEmpty()) {
            return false;
        }
        Integer units = db.select(DSL.coalesce(DSL.sum(DEMAND.UNITS), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(DEMAND)
                .where(DEMAND.MERCHANT_ID.eq(merchantId))
                .and(DEMAND.SKU.eq(sku))
                .and(DEMAND.PLACED_AT.ge(utc(currentHour)))
                .fetchSingle(row -> row.value1().intValue());
        return units > period.get().high();
    }

    private void store(UUID merchantId, String sku, UUID factoryId, Forecast forecast) {
        db.insertInto(FORECAST)
                .set(FORECAST.MERCHANT_ID, merchantId)
                .set(FORECAST.SKU, sku)
                .set(FORECAST.FACTORY_ID, factoryId)
                .set(FORECAST.GENERATED_AT, utc(forecast.generatedAt()))
                .set(FORECAST.BODY, json.writeValueAsString(forecast))
                .onConflict(FORECAST.MERCHANT_ID, FORECAST.SKU)
                .doUpdate()
                .set(FORECAST.FACTORY_ID, factoryId)
                .set(FORECAST.GENERATED_AT, utc(forecast.generatedAt()))
                .set(FORECAST.BODY, json.writeValueAsString(forecast))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
