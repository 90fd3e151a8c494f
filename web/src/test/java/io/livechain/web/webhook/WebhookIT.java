package io.livechain.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import io.livechain.webhook.store.SecretsReencryption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real HTTP receiver on this machine (loopback targets allowed here): signed deliveries with
 * stable ids, retries after a failing receiver with every attempt in the delivery log, a rewind that delivers again
 * under the same ids, subscriptions that are their participant's alone, and secrets stored encrypted.
 */
@TestPropertySource(
        properties = {
            "livechain.webhooks.allow-private-targets=true",
            "livechain.webhooks.poll-interval=PT0.05S",
            "livechain.webhooks.retry.initial-delay=PT0.2S",
            "livechain.webhooks.retry.max-delay=PT0.5S",
            "livechain.webhooks.retry.disable-after-failures=4",
            "livechain.webhooks.retry.disable-after=PT0S"
        })
class WebhookIT extends PlatformIT {

    /** How long a receiver may wait for a delivery: a bound, not a timing claim. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Test
    void a_merchant_is_told_of_its_orders_signed_retried_logged_and_again_after_a_rewind() throws Exception {
        var api = api();
        // given a merchant selling from a warehouse, and a receiver that fails its first two deliveries
        var sale = new Sale(api, "HOOK-1");
        try (var receiver = new WebhookReceiver(2)) {
            // when the merchant subscribes to its orders' status changes
            var subscribed = api.post(
                    "/api/v1/me/webhooks",
                    sale.merchant.apiKey(),
                    "{\"url\":\"%s\",\"eventTypes\":[\"order.status_changed\"]}".formatted(receiver.url()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            String id = subscribed.json().get("id").asString();
            String secret = subscribed.json().get("secret").asString();
            assertThat(secret).startsWith("whsec_");
            assertThat(subscribed.header("Location")).isEqualTo("/api/v1/me/webhooks/" + id);
            receiver.secret(secret);
            // and a buyer orders and pays
            String orderId = sale.placeAndPay("ann");

            // then the receiver gets PLACED, then PAID, each signed, after the two failures were retried
            await().atMost(DELIVERY).until(() -> statuses(receiver, orderId).size() >= 2);
            assertThat(receiver.badSignatures()).isEmpty();
            List<WebhookReceiver.Delivery> told = forOrder(receiver, orderId);
            assertThat(statuses(receiver, orderId)).containsExactly("PLACED", "PAID");
            WebhookReceiver.Delivery placed = told.getFirst();
            assertThat(placed.type()).isEqualTo("order.status_changed");
            assertThat(placed.body().get("id").asString()).isEqualTo(placed.id());
            assertThat(placed.data().get("buyerId").asString()).isEqualTo("ann");
            assertThat(placed.body().toString()).doesNotContain("psp-").doesNotContain("whsec_");
            // and the delivery log shows the two failed attempts and the deliveries, newest first
            var log = api.get("/api/v1/me/webhooks/" + id + "/deliveries", sale.merchant.apiKey());
            assertThat(log.status()).isEqualTo(200);
            List<JsonNode> attempts =
                    log.json().get("items").valueStream().toList().reversed();
            assertThat(attempts)
                    .extracting(a -> a.get("outcome").asString())
                    .containsExactly("FAILED", "FAILED", "DELIVERED", "DELIVERED");
            assertThat(attempts).extracting(a -> a.get("attempt").asInt()).containsExactly(1, 2, 3, 1);
            assertThat(attempts.getFirst().get("statusCode").asInt()).isEqualTo(500);
            assertThat(attempts.getFirst().get("notificationId").asString()).isEqualTo(placed.id());
            var subscription = api.get("/api/v1/me/webhooks/" + id, sale.merchant.apiKey());
            assertThat(subscription.json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(subscription.json().get("consecutiveFailures").asInt()).isZero();
            assertThat(subscription.json().has("secret")).isFalse();

            // when the merchant rewinds to the position of the PLACED notification
            long position = placed.body().get("position").asLong();
            var rewound = api.post(
                    "/api/v1/me/webhooks/" + id + "/redeliver",
                    sale.merchant.apiKey(),
                    "{\"fromPosition\":" + position + "}");
            assertThat(rewound.status()).as(rewound.body()).isEqualTo(200);

            // then both are delivered again, under the ids they had
            await().atMost(DELIVERY).until(() -> statuses(receiver, orderId).size() >= 4);
            List<WebhookReceiver.Delivery> again = forOrder(receiver, orderId);
            assertThat(again)
                    .extracting(WebhookReceiver.Delivery::id)
                    .containsExactly(
                            told.get(0).id(),
                            told.get(1).id(),
                            told.get(0).id(),
                            told.get(1).id());
            assertThat(receiver.badSignatures()).isEmpty();
        }
    }

    @Test
    void a_subscription_is_its_participants_alone() throws Exception {
        var api = api();
        var sale = new Sale(api, "HOOK-2");
        var rival = api.register("merchants", "{\"name\":\"Rival\"}");
        try (var receiver = new WebhookReceiver(0)) {
            var subscribed = api.post("/api/v1/me/webhooks", sale.merchant.apiKey(), """
                    {"url":"%s","eventTypes":["order.status_changed","stream.figures","stock.low"]}""".formatted(receiver.url()));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            String path = "/api/v1/me/webhooks/" + subscribed.json().get("id").asString();
            assertThat(subscribed.json().get("eventTypes").valueStream().map(JsonNode::asString))
                    .containsExactly("order.status_changed", "stream.figures", "stock.low");

            // then another merchant finds nothing of it
            assertThat(api.get(path, rival.apiKey()).status()).isEqualTo(404);
            assertThat(api.get(path + "/deliveries", rival.apiKey()).status()).isEqualTo(404);
            assertThat(api.post(path + "/redeliver", rival.apiKey(), "{\"fromPosition\":0}")
                            .status())
                    .isEqualTo(404);
            assertThat(api.post(path + "/rotate-secret", rival.apiKey(), "{}").status())
                    .isEqualTo(404);
            assertThat(api.delete(path, rival.apiKey()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/me/webhooks", rival.apiKey()).json().size())
                    .isZero();
            // and a merchant cannot subscribe to what is not its role's
            var factoryType = api.post(
                    "/api/v1/me/webhooks",
                    rival.apiKey(),
                    "{\"url\":\"%s\",\"eventTypes\":[\"production.requested\"]}".formatted(receiver.url()));
            assertThat(factoryType.status()).isEqualTo(400);
            assertThat(factoryType.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("eventTypes[0]");

            // and its owner is told of the stream's figures and, with a rotated secret, signed with both secrets
            var rotated = api.post(path + "/rotate-secret", sale.merchant.apiKey(), "{\"gracePeriodSeconds\":3600}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            receiver.secret(rotated.json().get("secret").asString());
            String orderId = sale.placeAndPay("bo");
            await().atMost(DELIVERY).until(() -> statuses(receiver, orderId).size() >= 2);
            await().atMost(DELIVERY)
                    .until(() -> receiver.accepted().stream()
                            .anyMatch(d -> d.type().equals("stream.figures")
                                    && d.data()
                                                    .get("offers")
                                                    .get(0)
                                                    .get("admitted")
                                                    .asInt()
                                            == 1));
            assertThat(receiver.accepted().getFirst().signature().split(" ")).hasSize(2);
            assertThat(receiver.badSignatures()).isEmpty();

            // when it is deleted, it is gone
            assertThat(api.delete(path, sale.merchant.apiKey()).status()).isEqualTo(204);
            assertThat(api.get(path, sale.merchant.apiKey()).status()).isEqualTo(404);
        }
    }

    @Test
    void a_warehouse_is_told_of_orders_to_pick_and_couriers_of_offers_in_their_zones() throws Exception {
        var api = api();
        var sale = new Sale(api, "HOOK-3");
        var courier = api.register("couriers", "{\"name\":\"Ada\",\"zones\":[\"north\"]}");
        var farCourier = api.register("couriers", "{\"name\":\"Cy\",\"zones\":[\"south\"]}");
        try (var warehouseReceiver = new WebhookReceiver(0);
                var courierReceiver = new WebhookReceiver(0);
                var farReceiver = new WebhookReceiver(0)) {
            warehouseReceiver.secret(subscribe(api, sale.warehouse, warehouseReceiver, "order.ready_to_pick"));
            courierReceiver.secret(subscribe(api, courier, courierReceiver, "delivery.offered"));
            farReceiver.secret(subscribe(api, farCourier, farReceiver, "delivery.offered"));

            // when an order is paid, and then packed
            String orderId = sale.placeAndPay("cy");
            await().atMost(DELIVERY)
                    .until(() -> warehouseReceiver.accepted().stream()
                            .anyMatch(d -> d.type().equals("order.ready_to_pick")
                                    && d.data().get("orderId").asString().equals(orderId)));
            var packed = api.post(
                    "/api/v1/warehouse/orders/" + orderId + "/pack", sale.warehouse.apiKey(), "{\"parcels\":1}");
            assertThat(packed.status()).as(packed.body()).isEqualTo(200);

            // then the courier of the buyer's zone is offered the delivery, without its code
            await().atMost(DELIVERY)
                    .until(() -> courierReceiver.accepted().stream()
                            .anyMatch(d -> d.type().equals("delivery.offered")
                                    && d.data().get("orderId").asString().equals(orderId)));
            var offered = courierReceiver.accepted().stream()
                    .filter(d -> d.type().equals("delivery.offered"))
                    .findFirst()
                    .orElseThrow();
            assertThat(offered.data().get("zone").asString()).isEqualTo("north");
            assertThat(offered.data().has("code")).isFalse();
            assertThat(offered.data().has("codeHash")).isFalse();
            ReadModels.awaitQuiet(context);
            // and the courier of another zone is told nothing (its subscription read past the offer)
            await().atMost(DELIVERY)
                    .until(() -> api.get("/api/v1/me/webhooks", farCourier.apiKey())
                                    .json()
                                    .get(0)
                                    .get("position")
                                    .asLong()
                            >= offered.body().get("position").asLong());
            assertThat(farReceiver.accepted()).isEmpty();
        }
    }

    @Test
    void a_subscription_that_keeps_failing_is_disabled_and_a_redelivery_resumes_it() throws Exception {
        var api = api();
        var sale = new Sale(api, "HOOK-4");
        try (var receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            // given a subscription whose receiver answers 500 to everything
            var subscribed = api.post(
                    "/api/v1/me/webhooks",
                    sale.merchant.apiKey(),
                    "{\"url\":\"%s\",\"eventTypes\":[\"order.status_changed\"]}".formatted(receiver.url()));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            String path = "/api/v1/me/webhooks/" + subscribed.json().get("id").asString();
            receiver.secret(subscribed.json().get("secret").asString());

            // when an order is placed, and its notification fails again and again
            String orderId = sale.placeAndPay("dee");
            await().atMost(DELIVERY)
                    .until(() -> api.get(path, sale.merchant.apiKey())
                            .json()
                            .get("status")
                            .asString()
                            .equals("DISABLED"));

            // then the subscription is disabled after the configured run of failures, saying why
            var disabled = api.get(path, sale.merchant.apiKey()).json();
            assertThat(disabled.get("consecutiveFailures").asInt()).isEqualTo(4);
            assertThat(disabled.get("disabledReason").asString()).contains("4 failed attempts", "HTTP 500");
            assertThat(disabled.has("disabledAt")).isTrue();
            var attempts =
                    api.get(path + "/deliveries", sale.merchant.apiKey()).json().get("items");
            assertThat(attempts.valueStream().map(a -> a.get("outcome").asString()))
                    .containsExactly("FAILED", "FAILED", "FAILED", "FAILED");
            long position = disabled.get("position").asLong();

            // and when the receiver is back and the merchant asks for a redelivery from where it stopped
            receiver.failNext(0);
            var resumed =
                    api.post(path + "/redeliver", sale.merchant.apiKey(), "{\"fromPosition\":" + (position + 1) + "}");
            assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
            assertThat(resumed.json().get("status").asString()).isEqualTo("ACTIVE");

            // then what it missed is delivered
            await().atMost(DELIVERY).until(() -> statuses(receiver, orderId).size() >= 2);
            assertThat(statuses(receiver, orderId)).containsExactly("PLACED", "PAID");
            assertThat(receiver.badSignatures()).isEmpty();
        }
    }

    @Test
    void secrets_are_stored_encrypted_and_those_stored_in_clear_are_encrypted_at_start() throws Exception {
        var api = api();
        var sale = new Sale(api, "HOOK-5");
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        try (var receiver = new WebhookReceiver(0)) {
            // given a subscription whose secret was rotated with a grace period
            var subscribed = api.post(
                    "/api/v1/me/webhooks",
                    sale.merchant.apiKey(),
                    "{\"url\":\"%s\",\"eventTypes\":[\"order.status_changed\"]}".formatted(receiver.url()));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            UUID id = UUID.fromString(subscribed.json().get("id").asString());
            String first = subscribed.json().get("secret").asString();
            Map<String, Object> stored = row(jdbc, id);
            var rotated = api.post(
                    "/api/v1/me/webhooks/" + id + "/rotate-secret",
                    sale.merchant.apiKey(),
                    "{\"gracePeriodSeconds\":3600}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String second = rotated.json().get("secret").asString();

            // then the row holds neither secret, only values encrypted for it
            assertThat((String) stored.get("secret")).startsWith("v1:").doesNotContain(first.substring(6));
            Map<String, Object> rotatedRow = row(jdbc, id);
            assertThat((String) rotatedRow.get("secret")).startsWith("v1:").doesNotContain(second.substring(6));
            assertThat((String) rotatedRow.get("previous_secret"))
                    .startsWith("v1:")
                    .doesNotContain(first.substring(6))
                    .isNotEqualTo(stored.get("secret"));

            // when the row holds them in clear, as stored before they were encrypted, and the start's pass runs
            jdbc.update(
                    "UPDATE webhook.subscription SET secret = ?, previous_secret = ? WHERE id = ?", second, first, id);
            int encrypted = context.getBean(SecretsReencryption.class).reencrypt();

            // then they are encrypted again, and a second pass finds nothing to do
            assertThat(encrypted).isEqualTo(1);
            Map<String, Object> again = row(jdbc, id);
            assertThat((String) again.get("secret")).startsWith("v1:").doesNotContain(second.substring(6));
            assertThat((String) again.get("previous_secret")).startsWith("v1:").doesNotContain(first.substring(6));
            assertThat(context.getBean(SecretsReencryption.class).reencrypt()).isZero();

            // and deliveries verify with the secret given at subscribe time (still in its grace period), beside the new
            receiver.secret(first);
            String orderId = sale.placeAndPay("eve");
            await().atMost(DELIVERY).until(() -> statuses(receiver, orderId).size() >= 2);
            assertThat(receiver.badSignatures()).isEmpty();
            assertThat(forOrder(receiver, orderId).getFirst().signature().split(" "))
                    .hasSize(2);
        }
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, UUID id) {
        return jdbc.queryForMap("SELECT secret, previous_secret FROM webhook.subscription WHERE id = ?", id);
    }

    private static String subscribe(Api api, Api.Registered participant, WebhookReceiver receiver, String type) {
        var subscribed = api.post(
                "/api/v1/me/webhooks",
                participant.apiKey(),
                "{\"url\":\"%s\",\"eventTypes\":[\"%s\"]}".formatted(receiver.url(), type));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        return subscribed.json().get("secret").asString();
    }

    private static List<WebhookReceiver.Delivery> forOrder(WebhookReceiver receiver, String orderId) {
        return receiver.accepted().stream()
                .filter(d -> d.type().equals("order.status_changed"))
                .filter(d -> d.data().get("orderId").asString().equals(orderId))
                .toList();
    }

    private static List<String> statuses(WebhookReceiver receiver, String orderId) {
        return forOrder(receiver, orderId).stream()
                .map(d -> d.data().get("status").asString())
                .toList();
    }

    /** A merchant with a product in stock at a warehouse, and a live stream on air. */
    private final class Sale {
        final Api api;
        final Api.Registered merchant;
        final Api.Registered warehouse;
        final String sku;
        final String stream;

        Sale(Api api, String sku) {
            this.api = api;
            this.sku = sku;
            merchant = api.register("merchants", "{\"name\":\"Shop\"}");
            var factory = api.register("factories", "{\"name\":\"F\"}");
            warehouse = api.register("warehouses", "{\"name\":\"DC\",\"zone\":\"north\"}");
            api.link(warehouse, merchant);
            api.post(
                    "/api/v1/products",
                    merchant.apiKey(),
                    "{\"sku\":\"%s\",\"name\":\"P\",\"factoryId\":\"%s\",\"batchSize\":10,\"leadTimeHours\":1}"
                            .formatted(sku, factory.id()));
            api.post(
                    "/api/v1/warehouse/receipts",
                    warehouse.apiKey(),
                    "{\"merchantId\":\"%s\",\"sku\":\"%s\",\"quantity\":50}".formatted(merchant.id(), sku));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            stream = api.post("/api/v1/live-streams", merchant.apiKey(), """
                            {"title":"Live","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":60,
                             "offers":[{"sku":"%s","price":12.50,"quantity":50,"perBuyerLimit":5,"allowBackorder":false}]}""".formatted(
                                    now, now.plus(1, ChronoUnit.HOURS), sku))
                    .json()
                    .get("id")
                    .asString();
            api.post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}");
            ReadModels.awaitQuiet(context);
        }

        String placeAndPay(String buyer) {
            var placed = api.post(
                    "/api/v1/orders",
                    merchant.apiKey(),
                    """
                    {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":1}],
                     "shippingAddress":{"zone":"north","line1":"2 Elm St","city":"Springfield","recipient":"%s"}}""".formatted(stream, buyer, sku, buyer),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            String orderId = placed.json().get("id").asString();
            var paid = api.post(
                    "/api/v1/orders/" + orderId + "/payments",
                    merchant.apiKey(),
                    "{\"amount\":12.50,\"reference\":\"psp-" + buyer + "\"}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            ReadModels.awaitQuiet(context);
            return orderId;
        }
    }
}
