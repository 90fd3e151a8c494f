package io.livechain.web.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.forecast.store.ForecastStore;
import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ForecastIT extends PlatformIT {

    @Test
    void factories_get_forecasts_for_the_skus_they_make_and_only_those() {
        // given a SKU with demand
        Api api = api();
        var merchant = api.register("merchants", "{\"name\":\"M\"}");
        var factory = api.register("factories", "{\"name\":\"F\"}");
        var otherFactory = api.register("factories", "{\"name\":\"Other\"}");
        var warehouse = api.register("warehouses", "{\"name\":\"W\",\"zone\":\"north\"}");
        api.link(warehouse, merchant);
        api.post(
                "/api/v1/products",
                merchant.apiKey(),
                "{\"sku\":\"FC-1\",\"name\":\"P\",\"factoryId\":\"%s\",\"batchSize\":10,\"leadTimeHours\":24}"
                        .formatted(factory.id()));
        api.post(
                "/api/v1/warehouse/receipts",
                warehouse.apiKey(),
                "{\"merchantId\":\"%s\",\"sku\":\"FC-1\",\"quantity\":100}".formatted(merchant.id()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stream = api.post(
                        "/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"S","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                         "offers":[{"sku":"FC-1","price":3.00,"quantity":100,"perBuyerLimit":5,"allowBackorder":false}]}""".formatted(now, now.plus(2, ChronoUnit.HOURS)))
                .json()
                .get("id")
                .asString();
        api.post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}");
        for (int i = 0; i < 20; i++) {
            api.post(
                    "/api/v1/orders",
                    merchant.apiKey(),
                    """
                    {"liveStreamId":"%s","buyerId":"b%d","lines":[{"sku":"FC-1","quantity":2}],
                     "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""".formatted(stream, i),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        }
        // then its factory gets a forecast: 24 hourly and 14 daily periods with sane ranges
        // (refreshed here once the demand is in its read model, instead of waiting for the scheduled refresh)
        ReadModels.awaitCaughtUp(context);
        context.getBean(ForecastStore.class)
                .refresh(context.getBean(Clock.class).instant(), Duration.ZERO);
        JsonNode forecasts =
                api.get("/api/v1/factory/forecasts", factory.apiKey()).json();
        assertThat(forecasts.size()).isEqualTo(1);
        JsonNode forecast = forecasts.get(0);
        assertThat(forecast.get("sku").asString()).isEqualTo("FC-1");
        assertThat(forecast.get("merchantId").asString()).isEqualTo(merchant.id());
        assertThat(forecast.get("periods").size()).isEqualTo(24 + 14);
        forecast.get("periods").forEach(period -> {
            assertThat(period.get("low").asDouble())
                    .isBetween(0.0, period.get("expected").asDouble());
            assertThat(period.get("high").asDouble())
                    .isGreaterThanOrEqualTo(period.get("expected").asDouble());
            assertThat(Instant.parse(period.get("end").asString()))
                    .isAfter(Instant.parse(period.get("start").asString()));
        });
        // and another factory gets none of it
        assertThat(api.get("/api/v1/factory/forecasts", otherFactory.apiKey())
                        .json()
                        .size())
                .isZero();
    }
}
