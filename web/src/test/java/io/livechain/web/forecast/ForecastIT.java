package io.livechain.web.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.livechain.web.Api;
import io.livechain.web.EventStreamClient;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forecasts from the first minute: a product has one as soon as it exists, a stream featuring it lifts it even the
 * first time, and the hour under way never forecasts less than it sold; the factory is told each forecast worth
 * telling. Each refresh comes from the events; the test waits for the processors, never for the periodic refresh.
 */
class ForecastIT extends PlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration A_WHILE = Duration.ofSeconds(30);

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

    @Test
    void the_factory_is_told_a_forecast_when_it_is_first_made_and_when_a_stream_changes_it() {
        // given the factory following its forecasts, and another factory following its own
        Api.Registered otherFactory = api.register("factories", "{\"name\":\"G\"}");
        String path = "/api/v1/me/events?types=forecast.updated";
        try (EventStreamClient told = EventStreamClient.open(port, path, factory.apiKey(), Map.of());
                EventStreamClient other = EventStreamClient.open(port, path, otherFactory.apiKey(), Map.of())) {
            assertThat(told.status()).isEqualTo(200);

            // when the merchant defines a product the factory makes
            product("TOLD-1");

            // then the factory is told its first forecast: nothing sold, nothing scheduled
            EventStreamClient.Event firstTold = told.until(event -> true, A_WHILE);
            JsonNode first = dataOf(firstTold);
            assertThat(first.get("sku").asString()).isEqualTo("TOLD-1");
            assertThat(first.get("merchantId").asString()).isEqualTo(merchant.id());
            assertThat(first.get("periods").size()).isEqualTo(24 + 14);
            assertThat(expectedOn(first, Instant.MIN, Instant.MAX)).isZero();

            // when a stream featuring it is scheduled in three hours' time
            Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.HOURS);
            Instant end = start.plus(2, ChronoUnit.HOURS);
            schedule("TOLD-1", 300, start, end);

            // then it is told the lifted forecast, as the factories' view shows it
            JsonNode lifted = dataOf(told.until(event -> true, A_WHILE));
            assertThat(expectedOn(lifted, start, end)).isPositive();
            ReadModels.awaitQuiet(context);
            assertThat(expectedOn(forecastOf("TOLD-1"), start, end))
                    .isCloseTo(expectedOn(lifted, start, end), withinPercentage(1));

            // and a forecast that did not change is not told again (the next one told is another product's); the
            // other factory was told nothing of either
            product("PLAIN-2");
            assertThat(dataOf(told.until(event -> true, A_WHILE)).get("sku").asString())
                    .isEqualTo("PLAIN-2");
            ReadModels.awaitQuiet(context);
            try (EventStreamClient none = EventStreamClient.open(
                    port, path + "&once=true", otherFactory.apiKey(), Map.of("Last-Event-ID", firstTold.id()))) {
                assertThat(none.rest(A_WHILE)).isEmpty();
            }
        }
    }

    private static JsonNode dataOf(EventStreamClient.Event event) {
        assertThat(event.name()).isEqualTo("forecast.updated");
        return JSON.readTree(event.data()).get("data");
    }

    /** The expected units of the hourly periods that start in {@code [from, to)}. */
    private static double expectedOn(JsonNode forecast, Instant from, Instant to) {
        double sum = 0;
        JsonNode periods = forecast.get("periods");
        for (int hour = 0; hour < 24; hour++) {
            Instant start = Instant.parse(periods.get(hour).get("start").asString());
            if (!start.isBefore(from) && start.isBefore(to)) {
                sum += periods.get(hour).get("expected").asDouble();
            }
        }
        return sum;
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
