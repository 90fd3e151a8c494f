package io.livechain.web.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Forecasts from the first minute: a product has one as soon as it exists, a stream featuring it lifts it even the
 * first time, and the hour under way never forecasts less than it sold. Each refresh comes from the events; the test
 * waits for the processors, never for the periodic refresh.
 */
class ForecastIT extends PlatformIT {

    private Api api;
    private Api.Registered merchant;
    private Api.Registered factory;
    private Api.Registered warehouse;

    @BeforeEach
    void aMerchantAndItsFactory() {
        api = api();
        merchant = api.register("merchants", "{\"name\":\"M\"}");
        factory = api.register("factories", "{\"name\":\"F\"}");
        warehouse = api.register("warehouses", "{\"name\":\"W\",\"zone\":\"north\"}");
        api.link(warehouse, merchant);
    }

    @Test
    void a_product_has_a_forecast_as_soon_as_it_exists() {
        // given
        product("NEW-1");

        // when
        ReadModels.awaitQuiet(context);
        JsonNode forecast = forecastOf("NEW-1");

        // then 24 hourly and 14 daily periods, all zero: nothing sold, nothing scheduled
        assertThat(forecast.get("merchantId").asString()).isEqualTo(merchant.id());
        assertThat(forecast.get("periods").size()).isEqualTo(24 + 14);
        forecast.get("periods").forEach(period -> {
            assertThat(period.get("expected").asDouble()).isZero();
            assertThat(period.get("high").asDouble()).isZero();
        });
        Instant first =
                Instant.parse(forecast.get("periods").get(0).get("start").asString());
        assertThat(first).isBetween(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now());
    }

    @Test
    void a_skus_first_stream_lifts_its_forecast_above_the_no_stream_baseline() {
        // given two new products, one of them offered in a stream in three hours' time (its first)
        product("FIRST-1");
        product("PLAIN-1");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.HOURS);
        schedule("FIRST-1", 300, start, start.plus(2, ChronoUnit.HOURS));

        // when
        ReadModels.awaitQuiet(context);
        JsonNode streamed = forecastOf("FIRST-1").get("periods");
        JsonNode plain = forecastOf("PLAIN-1").get("periods");

        // then the stream's two hours expect a share of its offer; every other hour, and the other SKU, nothing
        for (int hour = 0; hour < 24; hour++) {
            Instant from = Instant.parse(streamed.get(hour).get("start").asString());
            boolean onAir = !from.isBefore(start) && from.isBefore(start.plus(2, ChronoUnit.HOURS));
            double expected = streamed.get(hour).get("expected").asDouble();
            double baseline = plain.get(hour).get("expected").asDouble();
            if (onAir) {
                assertThat(expected).as("hour %s", from).isGreaterThan(baseline).isBetween(30.0, 150.0);
                assertThat(streamed.get(hour).get("high").asDouble()).isGreaterThan(expected);
            } else {
                assertThat(expected).as("hour %s", from).isEqualTo(baseline);
            }
        }
    }

    @Test
    void the_hour_under_way_never_forecasts_less_than_it_has_sold() {
        // given a new product on air for the first time, and 30 units ordered in the current hour
        product("LIVE-1");
        receive("LIVE-1", 500);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stream = schedule("LIVE-1", 200, now, now.plus(2, ChronoUnit.HOURS));
        assertThat(api.post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        for (int buyer = 0; buyer < 15; buyer++) {
            order(stream, "buyer-" + buyer, "LIVE-1", 2);
        }

        // when
        ReadModels.awaitQuiet(context);
        JsonNode periods = forecastOf("LIVE-1").get("periods");

        // then the current hour expects at least the 30 units, and so does its upper bound; the rest of the stream's
        // time is lifted too (the orders all fell in this hour, unless the test straddled the hour's end)
        assumeThat(Instant.now().truncatedTo(ChronoUnit.HOURS)).isEqualTo(now.truncatedTo(ChronoUnit.HOURS));
        JsonNode current = periods.get(0);
        assertThat(Instant.parse(current.get("start").asString())).isEqualTo(now.truncatedTo(ChronoUnit.HOURS));
        assertThat(current.get("expected").asDouble()).isGreaterThanOrEqualTo(30);
        assertThat(current.get("high").asDouble()).isGreaterThanOrEqualTo(30);
        assertThat(current.get("low").asDouble()).isGreaterThanOrEqualTo(30);
        assertThat(periods.get(1).get("expected").asDouble()).isPositive();
    }

    @Test
    void factories_get_forecasts_for_the_skus_they_make_and_only_those() {
        // given a SKU with demand, and another factory
        var otherFactory = api.register("factories", "{\"name\":\"Other\"}");
        product("FC-1");
        receive("FC-1", 100);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stream = schedule("FC-1", 100, now, now.plus(2, ChronoUnit.HOURS));
        api.post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}");
        for (int i = 0; i < 20; i++) {
            order(stream, "b" + i, "FC-1", 2);
        }

        // when
        ReadModels.awaitQuiet(context);

        // then its factory gets a forecast: 24 hourly and 14 daily periods with sane ranges
        JsonNode forecasts =
                api.get("/api/v1/factory/forecasts", factory.apiKey()).json();
        assertThat(forecasts.size()).isEqualTo(1);
        JsonNode forecast = forecasts.get(0);
        assertThat(forecast.get("sku").asString()).isEqualTo("FC-1");
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

    private void product(String sku) {
        var created = api.post(
                "/api/v1/products",
                merchant.apiKey(),
                "{\"sku\":\"%s\",\"name\":\"P\",\"factoryId\":\"%s\",\"batchSize\":10,\"leadTimeHours\":24}"
                        .formatted(sku, factory.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void receive(String sku, int quantity) {
        var received = api.post(
                "/api/v1/warehouse/receipts",
                warehouse.apiKey(),
                "{\"merchantId\":\"%s\",\"sku\":\"%s\",\"quantity\":%d}".formatted(merchant.id(), sku, quantity));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
    }

    private String schedule(String sku, int quantity, Instant startsAt, Instant endsAt) {
        var created =
                api.post("/api/v1/live-streams", merchant.apiKey(), """
                {"title":"S","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                 "offers":[{"sku":"%s","price":3.00,"quantity":%d,"perBuyerLimit":5,"allowBackorder":false}]}""".formatted(startsAt, endsAt, sku, quantity));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void order(String stream, String buyer, String sku, int quantity) {
        var placed = api.post(
                "/api/v1/orders",
                merchant.apiKey(),
                """
                {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":%d}],
                 "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""".formatted(stream, buyer, sku, quantity),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    private JsonNode forecastOf(String sku) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/factory/forecasts", factory.apiKey()).json().forEach(forecast -> {
            if (forecast.get("sku").asString().equals(sku)) {
                found.add(forecast);
            }
        });
        assertThat(found).as("the forecast of " + sku).hasSize(1);
        return found.getFirst();
    }
}
