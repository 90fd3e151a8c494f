package io.livechain.web.participant;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A participant's notifications as Server-Sent Events, read by a real client over HTTP: each participant hears only
 * of its own (a courier of the deliveries offered in its zones), and a client that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed.
 */
class NotificationStreamIT extends PlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration A_WHILE = Duration.ofSeconds(30);
    private static final String SKU = "LIP-RED";

    private Api.Registered merchant;
    private Api.Registered warehouse;
    private String stream;

    @BeforeEach
    void aMerchantOnAirWithStockInTheNorth() {
        merchant = api().register("merchants", "{\"name\":\"Glow\"}");
        Api.Registered factory = api().register("factories", "{\"name\":\"Plant\"}");
        warehouse = api().register("warehouses", "{\"name\":\"North DC\",\"zone\":\"north\"}");
        api().link(warehouse, merchant);
        created(api().post("/api/v1/products", merchant.apiKey(), """
                {"sku":"%s","name":"Lipstick","factoryId":"%s","batchSize":10,"leadTimeHours":24}""".formatted(SKU, factory.id())));
        created(api().post("/api/v1/warehouse/receipts", warehouse.apiKey(), """
                {"merchantId":"%s","sku":"%s","quantity":100}""".formatted(merchant.id(), SKU)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        stream = created(api().post("/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"Drop","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                         "offers":[{"sku":"%s","price":10.00,"quantity":100,"perBuyerLimit":5,"allowBackorder":false}]}""".formatted(
                                now, now.plus(2, ChronoUnit.HOURS), SKU)))
                .get("id")
                .asString();
        assertThat(api().post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_courier_hears_of_the_deliveries_offered_in_its_zones_and_of_no_other() {
        // given a courier of the north and one of the south, each following its notifications
        Api.Registered north = api().register("couriers", "{\"name\":\"Ada\",\"zones\":[\"north\"]}");
        Api.Registered south = api().register("couriers", "{\"name\":\"Cy\",\"zones\":[\"south\"]}");
        String offers = "/api/v1/me/events?types=delivery.offered";
        try (EventStreamClient ada = EventStreamClient.open(port, offers, north.apiKey(), Map.of());
                EventStreamClient cy = EventStreamClient.open(port, offers, south.apiKey(), Map.of())) {
            assertThat(ada.status()).isEqualTo(200);
            assertThat(cy.status()).isEqualTo(200);

            // when parcels are packed for a buyer in the north, then one in the south, then the north again
            String first = packedFor("north", "buyer-1");
            String second = packedFor("south", "buyer-2");
            String third = packedFor("north", "buyer-3");

            // then the north's courier is told of the north's offers, in order, and the south's of the south's
            assertThat(deliveryOf(ada.until(event -> true, A_WHILE))).isEqualTo(first);
            assertThat(deliveryOf(ada.until(event -> true, A_WHILE))).isEqualTo(third);
            EventStreamClient.Event offered = cy.until(event -> true, A_WHILE);
            assertThat(offered.name()).isEqualTo("delivery.offered");
            assertThat(deliveryOf(offered)).isEqualTo(second);
            JsonNode envelope = JSON.readTree(offered.data());
            assertThat(envelope.path("type").asString()).isEqualTo("delivery.offered");
            assertThat(envelope.path("data").path("zone").asString()).isEqualTo("south");
            assertThat(envelope.path("id").asString()).isNotBlank();
            assertThat(offered.id()).isNotBlank();
        }
    }

    @Test
    void a_client_that_comes_back_with_last_event_id_gets_exactly_what_it_missed() {
        // given the merchant following its orders, having received three
        String path = "/api/v1/me/events?types=order.status_changed";
        List<String> placedWhileAway = new ArrayList<>();
        String lastSeen;
        try (EventStreamClient first = EventStreamClient.open(port, path, merchant.apiKey(), Map.of())) {
            for (int buyer = 1; buyer <= 3; buyer++) {
                order("north", "early-" + buyer);
            }
            List<EventStreamClient.Event> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seen.add(first.until(event -> true, A_WHILE));
            }
            assertThat(seen)
                    .allSatisfy(event -> assertThat(JSON.readTree(event.data())
                                    .path("data")
                                    .path("status")
                                    .asString())
                            .isEqualTo("PLACED"));
            lastSeen = seen.getLast().id();
        }

        // when three more orders are placed while it is away, and it comes back with the id of the last it got
        for (int buyer = 1; buyer <= 3; buyer++) {
            placedWhileAway.add(order("north", "late-" + buyer));
        }
        ReadModels.awaitQuiet(context);
        try (EventStreamClient back =
                EventStreamClient.open(port, path, merchant.apiKey(), Map.of("Last-Event-ID", lastSeen))) {

            // then it gets exactly those three, in order, and then the next order as it happens
            List<String> missed = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                EventStreamClient.Event event = back.until(e -> true, A_WHILE);
                missed.add(
                        JSON.readTree(event.data()).path("data").path("orderId").asString());
                ids.add(event.id());
            }
            assertThat(missed).isEqualTo(placedWhileAway);
            String next = order("north", "next");
            assertThat(JSON.readTree(back.until(event -> true, A_WHILE).data())
                            .path("data")
                            .path("orderId")
                            .asString())
                    .isEqualTo(next);

            // and the same id asked once answers those three again, under the same ids, and nothing more
            try (EventStreamClient again = EventStreamClient.open(
                    port, path + "&once=true", merchant.apiKey(), Map.of("Last-Event-ID", lastSeen))) {
                List<EventStreamClient.Event> replayed = again.rest(A_WHILE);
                assertThat(replayed.stream().map(EventStreamClient.Event::id).limit(3))
                        .containsExactlyElementsOf(ids);
                assertThat(replayed).hasSize(4); // the three, and the next
            }
        }
    }

    @Test
    void what_is_not_an_event_id_is_refused_naming_it() {
        var refused = api().send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/api/v1/me/events?once=true"))
                                .GET(),
                        merchant.apiKey(),
                        Map.of("Last-Event-ID", "not-an-id", "Accept", "text/event-stream"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("Last-Event-ID");
        var unknownType = api().get("/api/v1/me/events?once=true&types=no.such", merchant.apiKey());
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/me/events?once=true", Api.OPERATOR_KEY).status())
                .isEqualTo(403);
    }

    /** A paid order of one unit for a buyer in the zone, packed at the north warehouse: its delivery's id. */
    private String packedFor(String zone, String buyer) {
        String order = order(zone, buyer);
        assertThat(api().post(
                                "/api/v1/orders/" + order + "/payments",
                                merchant.apiKey(),
                                "{\"amount\":10.00,\"reference\":\"psp-" + buyer + "\"}")
                        .status())
                .isEqualTo(200);
        ReadModels.awaitCaughtUp(context);
        var packed = api().post("/api/v1/warehouse/orders/" + order + "/pack", warehouse.apiKey(), "{\"parcels\":1}");
        assertThat(packed.status()).as(packed.body()).isEqualTo(200);
        return packed.json().get("deliveryId").asString();
    }

    private String order(String zone, String buyer) {
        return created(api().post(
                                "/api/v1/orders",
                                merchant.apiKey(),
                                """
                        {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":1}],
                         "shippingAddress":{"zone":"%s","line1":"1 Main St","city":"Springfield","recipient":"Ann"}}""".formatted(stream, buyer, SKU, zone),
                                Map.of("Idempotency-Key", UUID.randomUUID().toString())))
                .get("id")
                .asString();
    }

    private static String deliveryOf(EventStreamClient.Event event) {
        return JSON.readTree(event.data()).path("data").path("deliveryId").asString();
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
