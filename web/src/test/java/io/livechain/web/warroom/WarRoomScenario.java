package io.livechain.web.warroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * A merchant on air with two offers, set up through the public API: a lipstick in stock (capped at {@code cap}, two
 * per buyer) and a pre-sale serum that its factory has to make first.
 */
public final class WarRoomScenario {

    public static final String LIPSTICK = "LIP-RED";
    public static final String SERUM = "SERUM-X";

    public final Api api;
    public final Api.Registered merchant;
    public final Api.Registered factory;
    public final Api.Registered warehouse;
    public final String liveStream;

    public WarRoomScenario(Api api, int cap) {
        this.api = api;
        merchant = api.register("merchants", "{\"name\":\"Glow Cosmetics\"}");
        factory = api.register("factories", "{\"name\":\"Serum Works\"}");
        warehouse = api.register("warehouses", "{\"name\":\"North DC\",\"zone\":\"north\"}");
        api.link(warehouse, merchant);
        created(api.post("/api/v1/products", merchant.apiKey(), product(LIPSTICK, 100)));
        created(api.post("/api/v1/products", merchant.apiKey(), product(SERUM, 50)));
        created(api.post(
                "/api/v1/warehouse/receipts", warehouse.apiKey(), """
                {"merchantId":"%s","sku":"%s","quantity":%d}""".formatted(merchant.id(), LIPSTICK, cap)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        liveStream = created(api.post("/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"Friday Glow Live","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                         "offers":[{"sku":"%s","price":19.90,"quantity":%d,"perBuyerLimit":2,"allowBackorder":false},
                                   {"sku":"%s","price":39.00,"quantity":%d,"perBuyerLimit":1,"allowBackorder":true}]}""".formatted(
                                now, now.plus(2, ChronoUnit.HOURS), LIPSTICK, cap, SERUM, cap)))
                .get("id")
                .asString();
        var started = api.post("/api/v1/live-streams/" + liveStream + "/start", merchant.apiKey(), "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
    }

    /** A buyer orders one unit of the SKU: the answer, as the intake gave it. */
    public Api.Response order(String sku, String buyer) {
        return order(merchant.apiKey(), liveStream, sku, buyer);
    }

    public Api.Response order(String merchantKey, String stream, String sku, String buyer) {
        return api.post(
                "/api/v1/orders",
                merchantKey,
                """
                {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"2 Elm St","city":"Springfield","recipient":"%s"}}""".formatted(stream, buyer, sku, buyer),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** The merchant's war room page. */
    public String page() {
        return "/war-room/" + liveStream;
    }

    public String figures() {
        return "/api/v1/live-streams/" + liveStream + "/war-room";
    }

    public String events() {
        return figures() + "/events";
    }

    private String product(String sku, int batchSize) {
        return """
                {"sku":"%s","name":"Product %s","factoryId":"%s","batchSize":%d,"leadTimeHours":48}""".formatted(sku, sku, factory.id(), batchSize);
    }

    private static tools.jackson.databind.JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
