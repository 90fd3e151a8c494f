package io.livechain.web.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every paid order reaches the door: an order whose lines are held at two warehouses ships as two shipments, each
 * packed, offered and delivered on its own (ADR 0009); an order one warehouse can serve whole is reserved there.
 */
class ShipmentsIT extends PlatformIT {

    private Api.Registered merchant;
    private Api.Registered factory;
    private String stream;

    @Test
    void an_order_held_at_two_warehouses_ships_from_each_and_is_delivered_when_both_are() {
        // given a dress held only in the north warehouse and a hat only in the east one
        merchant = api().register("merchants", "{\"name\":\"Two Sheds\"}");
        factory = api().register("factories", "{\"name\":\"F\"}");
        var north = warehouse("North DC", "north");
        var east = warehouse("East DC", "east");
        product("SPLIT-DRESS");
        product("SPLIT-HAT");
        receive(north, "SPLIT-DRESS", 5);
        receive(east, "SPLIT-HAT", 5);
        onAir("SPLIT-DRESS", "SPLIT-HAT");
        var ada = api().register("couriers", "{\"name\":\"Ada\",\"zones\":[\"north\"]}");
        var bo = api().register("couriers", "{\"name\":\"Bo\",\"zones\":[\"north\"]}");

        // when a buyer orders both, and pays
        String orderId = order("SPLIT-DRESS", "SPLIT-HAT");
        pay(orderId, "32.50");
        caughtUp();

        // then each warehouse has the order on its pick list, with its own line only
        assertThat(pickListLines(north, orderId)).containsExactly("SPLIT-DRESS");
        assertThat(pickListLines(east, orderId)).containsExactly("SPLIT-HAT");

        // and each packs its shipment: the order is PACKED once both are
        var dressPacked = pack(north, orderId);
        assertThat(dressPacked.json().get("skus").get(0).asString()).isEqualTo("SPLIT-DRESS");
        caughtUp();
        assertThat(order(orderId).get("status").asString()).isEqualTo("PAID");
        assertThat(pickListLines(north, orderId)).isEmpty();
        assertThat(pack(north, orderId).json().get("deliveryId").asString())
                .as("packing again answers the same shipment")
                .isEqualTo(dressPacked.json().get("deliveryId").asString());
        var hatPacked = pack(east, orderId);
        String dressDelivery = dressPacked.json().get("deliveryId").asString();
        String hatDelivery = hatPacked.json().get("deliveryId").asString();
        assertThat(hatDelivery).isNotEqualTo(dressDelivery);
        caughtUp();
        JsonNode packed = order(orderId);
        assertThat(packed.get("status").asString()).isEqualTo("PACKED");
        assertThat(packed.get("deliveries")).hasSize(2);
        assertThat(packed.hasNonNull("delivery")).isFalse();
        String dressCode = code(packed, dressDelivery);
        String hatCode = code(packed, hatDelivery);
        assertThat(lineDelivery(packed, "SPLIT-HAT")).isEqualTo(hatDelivery);

        // when the dress is delivered, the order still waits for the hat
        claimAndPickUp(ada, dressDelivery);
        assertThat(deliver(ada, dressDelivery, dressCode).status()).isEqualTo(200);
        caughtUp();
        assertThat(order(orderId).get("status").asString()).isEqualTo("PACKED");

        // and a failed attempt on the hat's shipment offers it again, without touching the dress's
        claimAndPickUp(ada, hatDelivery);
        caughtUp();
        assertThat(order(orderId).get("status").asString()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(api().post(
                                "/api/v1/courier/deliveries/" + hatDelivery + "/fail",
                                ada.apiKey(),
                                "{\"reason\":\"nobody home\"}")
                        .status())
                .isEqualTo(200);
        caughtUp();
        assertThat(api().get("/api/v1/courier/offers", bo.apiKey()).body()).contains(hatDelivery);
        JsonNode afterFailure = order(orderId);
        assertThat(delivery(afterFailure, hatDelivery).get("failedAttempts").asInt())
                .isEqualTo(1);
        assertThat(delivery(afterFailure, dressDelivery).get("status").asString())
                .isEqualTo("DELIVERED");

        // then another courier delivers the hat with its own code, and the order is DELIVERED
        claimAndPickUp(bo, hatDelivery);
        assertThat(deliver(bo, hatDelivery, dressCode).status())
                .as("each shipment has its own code")
                .isEqualTo(422);
        assertThat(deliver(bo, hatDelivery, hatCode).status()).isEqualTo(200);
        caughtUp();
        assertThat(order(orderId).get("status").asString()).isEqualTo("DELIVERED");

        // and the timeline tells both shipments' stories
        List<String> steps = new ArrayList<>();
        api().get("/api/v1/orders/" + orderId + "/timeline", merchant.apiKey())
                .json()
                .get("events")
                .forEach(event -> steps.add(event.get("aggregateType").asString() + ":"
                        + event.get("type").asString()));
        assertThat(steps)
                .containsSubsequence(
                        "Order:OrderPacked",
                        "Order:OrderPacked",
                        "Delivery:DeliveryCompleted",
                        "Order:ShipmentProgressed",
                        "Delivery:DeliveryAttemptFailed",
                        "Delivery:DeliveryCompleted",
                        "Order:OrderDelivered");
    }

    @Test
    void an_order_that_one_warehouse_can_serve_whole_is_reserved_there() {
        // given the north warehouse holds both items; the west one (same zone) holds far more dresses
        merchant = api().register("merchants", "{\"name\":\"One Shed\"}");
        factory = api().register("factories", "{\"name\":\"F\"}");
        var north = warehouse("North DC", "north");
        var west = warehouse("West DC", "north");
        product("ONE-DRESS");
        product("ONE-HAT");
        receive(north, "ONE-DRESS", 2);
        receive(north, "ONE-HAT", 2);
        receive(west, "ONE-DRESS", 40);
        onAir("ONE-DRESS", "ONE-HAT");

        // when a buyer orders both, and pays
        String orderId = order("ONE-DRESS", "ONE-HAT");
        pay(orderId, "32.50");
        caughtUp();

        // then both lines are reserved at the north warehouse, which packs the whole order in one shipment
        JsonNode placed = order(orderId);
        placed.get("lines")
                .forEach(line -> assertThat(line.get("warehouseId").asString()).isEqualTo(north.id()));
        assertThat(pickListLines(north, orderId)).containsExactly("ONE-DRESS", "ONE-HAT");
        assertThat(pickListLines(west, orderId)).isEmpty();
        assertThat(pack(north, orderId).status()).isEqualTo(200);
        caughtUp();
        JsonNode packed = order(orderId);
        assertThat(packed.get("status").asString()).isEqualTo("PACKED");
        assertThat(packed.get("deliveries")).hasSize(1);
        assertThat(packed.get("delivery").get("skus")).hasSize(2);
    }

    private Api.Registered warehouse(String name, String zone) {
        var warehouse = api().register("warehouses", "{\"name\":\"%s\",\"zone\":\"%s\"}".formatted(name, zone));
        api().link(warehouse, merchant);
        return warehouse;
    }

    private void product(String sku) {
        var created = api().post(
                        "/api/v1/products",
                        merchant.apiKey(),
                        "{\"sku\":\"%s\",\"name\":\"P\",\"factoryId\":\"%s\",\"batchSize\":10,\"leadTimeHours\":1}"
                                .formatted(sku, factory.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void receive(Api.Registered warehouse, String sku, int quantity) {
        var received = api().post(
                        "/api/v1/warehouse/receipts",
                        warehouse.apiKey(),
                        "{\"merchantId\":\"%s\",\"sku\":\"%s\",\"quantity\":%d}"
                                .formatted(merchant.id(), sku, quantity));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
    }

    private void onAir(String dress, String hat) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        stream = api().post("/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"Live","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":60,
                         "offers":[{"sku":"%s","price":20.00,"quantity":50,"perBuyerLimit":5,"allowBackorder":false},
                                   {"sku":"%s","price":12.50,"quantity":50,"perBuyerLimit":5,"allowBackorder":false}]}""".formatted(
                                now, now.plus(1, ChronoUnit.HOURS), dress, hat))
                .json()
                .get("id")
                .asString();
        assertThat(api().post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
    }

    private String order(String dress, String hat) {
        var placed = api().post(
                        "/api/v1/orders",
                        merchant.apiKey(),
                        """
                        {"liveStreamId":"%s","buyerId":"alice","lines":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":1}],
                         "shippingAddress":{"zone":"north","line1":"2 Elm St","city":"Springfield","recipient":"Alice"}}""".formatted(stream, dress, hat),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    private void pay(String orderId, String amount) {
        var paid = api().post(
                        "/api/v1/orders/" + orderId + "/payments",
                        merchant.apiKey(),
                        "{\"amount\":%s,\"reference\":\"pay-%s\"}".formatted(amount, orderId));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    }

    private List<String> pickListLines(Api.Registered warehouse, String orderId) {
        List<String> skus = new ArrayList<>();
        api().get("/api/v1/warehouse/pick-list", warehouse.apiKey()).json().forEach(entry -> {
            if (entry.get("orderId").asString().equals(orderId)) {
                entry.get("lines").forEach(line -> skus.add(line.get("sku").asString()));
            }
        });
        return skus;
    }

    private Api.Response pack(Api.Registered warehouse, String orderId) {
        var packed = api().post("/api/v1/warehouse/orders/" + orderId + "/pack", warehouse.apiKey(), "{\"parcels\":1}");
        assertThat(packed.status()).as(packed.body()).isEqualTo(200);
        return packed;
    }

    private JsonNode order(String orderId) {
        return api().get("/api/v1/orders/" + orderId, merchant.apiKey()).json();
    }

    private static JsonNode delivery(JsonNode order, String deliveryId) {
        for (JsonNode delivery : order.get("deliveries")) {
            if (delivery.get("id").asString().equals(deliveryId)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery " + deliveryId + " in " + order);
    }

    private static String code(JsonNode order, String deliveryId) {
        return delivery(order, deliveryId).get("code").asString();
    }

    private static String lineDelivery(JsonNode order, String sku) {
        for (JsonNode line : order.get("lines")) {
            if (line.get("sku").asString().equals(sku)) {
                return line.get("deliveryId").asString();
            }
        }
        throw new AssertionError("no line " + sku);
    }

    private void claimAndPickUp(Api.Registered courier, String deliveryId) {
        caughtUp();
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/claim", courier.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/pickup", courier.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
    }

    private Api.Response deliver(Api.Registered courier, String deliveryId, String code) {
        return api().post(
                        "/api/v1/courier/deliveries/" + deliveryId + "/deliver",
                        courier.apiKey(),
                        "{\"proof\":{\"recipientName\":\"Alice\",\"code\":\"%s\"}}".formatted(code));
    }

    private void caughtUp() {
        ReadModels.awaitQuiet(context);
    }
}
