package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** A merchant with a factory, warehouses, products and live streams, set up through the public API. */
final class SalesScenario {

    final Api api;
    final Api.Registered merchant;
    final Api.Registered factory;
    final Api.Registered northWarehouse;
    final Api.Registered southWarehouse;

    SalesScenario(Api api) {
        this.api = api;
        this.merchant = api.register("merchants", "{\"name\":\"Acme Live\"}");
        this.factory = api.register("factories", "{\"name\":\"Plant 1\"}");
        this.northWarehouse = api.register("warehouses", "{\"name\":\"North DC\",\"zone\":\"north\"}");
        this.southWarehouse = api.register("warehouses", "{\"name\":\"South DC\",\"zone\":\"south\"}");
        api.link(northWarehouse, merchant);
        api.link(southWarehouse, merchant);
    }

    void product(String sku) {
        var response = api.post("/api/v1/products", merchant.apiKey(), """
                {"sku":"%s","name":"Product %s","factoryId":"%s","batchSize":100,"leadTimeHours":48}""".formatted(sku, sku, factory.id()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    void receive(Api.Registered warehouse, String sku, int quantity) {
        var response = api.post(
                "/api/v1/warehouse/receipts",
                warehouse.apiKey(),
                "{\"merchantId\":\"%s\",\"sku\":\"%s\",\"quantity\":%d}".formatted(merchant.id(), sku, quantity));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** A live stream already on air, with one offer. */
    String liveStream(String sku, int quantity, int perBuyerLimit, boolean allowBackorder, int paymentWindowMinutes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var created = api.post("/api/v1/live-streams", merchant.apiKey(), """
                {"title":"Flash sale","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":%d,
                 "offers":[{"sku":"%s","price":19.90,"quantity":%d,"perBuyerLimit":%d,"allowBackorder":%s}]}""".formatted(
                        now,
                        now.plus(2, ChronoUnit.HOURS),
                        paymentWindowMinutes,
                        sku,
                        quantity,
                        perBuyerLimit,
                        allowBackorder));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var started = api.post("/api/v1/live-streams/" + id + "/start", merchant.apiKey(), "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return id;
    }

    Api.Response order(String streamId, String buyerId, String sku, int quantity) {
        return order(streamId, buyerId, sku, quantity, UUID.randomUUID().toString(), "north");
    }

    /**
     * Orders as a merchant's server does: a {@code 503} (the desk busy on a loaded machine) is sent again with the
     * same key after its {@code Retry-After}, which is safe because a 503 means nothing was decided.
     */
    Api.Response order(String streamId, String buyerId, String sku, int quantity, String key, String zone) {
        for (int attempt = 1; ; attempt++) {
            Api.Response response = orderOnce(streamId, buyerId, sku, quantity, key, zone);
            if (response.status() != 503 || attempt == 30) {
                return response;
            }
            sleep(response.header("Retry-After"));
        }
    }

    /** One attempt, whatever its answer. */
    Api.Response orderOnce(String streamId, String buyerId, String sku, int quantity, String key, String zone) {
        String body = """
                {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":%d}],
                 "shippingAddress":{"zone":"%s","line1":"1 Main St","city":"Springfield","recipient":"%s"}}""".formatted(streamId, buyerId, sku, quantity, zone, buyerId);
        return api.post("/api/v1/orders", merchant.apiKey(), body, Map.of("Idempotency-Key", key));
    }

    private static void sleep(String retryAfter) {
        try {
            Thread.sleep(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
