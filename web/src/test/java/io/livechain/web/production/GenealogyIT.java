package io.livechain.web.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * From batch to door: an order filled by a factory batch tells the batch's whole story in its timeline, with the
 * factory, the warehouse and the platform as actors; a recall of the batch finds every order that received its units.
 */
class GenealogyIT extends PlatformIT {

    private Api.Registered merchant;
    private Api.Registered factory;
    private Api.Registered warehouse;
    private String stream;

    @Test
    void an_order_filled_by_a_batch_shows_the_batch_in_its_timeline_and_a_recall_finds_every_order_it_reached() {
        // given a pre-sale with no stock: two buyers wait for a factory batch
        merchant = api().register("merchants", "{\"name\":\"Lot Co\"}");
        factory = api().register("factories", "{\"name\":\"Plant\"}");
        warehouse = api().register("warehouses", "{\"name\":\"DC\",\"zone\":\"north\"}");
        var courier = api().register("couriers", "{\"name\":\"Ada\",\"zones\":[\"north\"]}");
        api().link(warehouse, merchant);
        assertThat(api().post(
                                "/api/v1/products",
                                merchant.apiKey(),
                                "{\"sku\":\"LOT\",\"name\":\"Lot\",\"factoryId\":\"%s\",\"batchSize\":10,\"leadTimeHours\":24}"
                                        .formatted(factory.id()))
                        .status())
                .isEqualTo(201);
        onAir();
        String first = order("ann");
        String second = order("ben");
        pay(first);

        // when the platform asks the factory, which produces and ships, and the warehouse receives the batch
        ReadModels.awaitQuiet(context);
        JsonNode request = api().get("/api/v1/factory/production-requests?status=REQUESTED", factory.apiKey())
                .json()
                .get(0);
        String batch = request.get("id").asString();
        int quantity = request.get("quantity").asInt();
        produceAndShip(batch, quantity);
        var receipt = api().post(
                        "/api/v1/warehouse/receipts",
                        warehouse.apiKey(),
                        "{\"merchantId\":\"%s\",\"sku\":\"LOT\",\"quantity\":%d,\"batchId\":\"%s\"}"
                                .formatted(merchant.id(), quantity, batch));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        // and a third buyer gets one of the batch's surplus units, a fourth takes one and cancels
        String third = order("cat");
        String cancelled = order("dan");
        assertThat(api().post("/api/v1/orders/" + cancelled + "/cancel", merchant.apiKey(), "{\"reason\":\"oops\"}")
                        .status())
                .isEqualTo(200);
        ReadModels.awaitQuiet(context);
        var packed = api().post("/api/v1/warehouse/orders/" + first + "/pack", warehouse.apiKey(), "{\"parcels\":1}");
        assertThat(packed.status()).as(packed.body()).isEqualTo(200);
        String delivery = packed.json().get("deliveryId").asString();
        ReadModels.awaitQuiet(context);
        assertThat(api().post("/api/v1/courier/deliveries/" + delivery + "/claim", courier.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        ReadModels.awaitQuiet(context);

        // then the first order's timeline tells the batch's story, in causal order, each step with its actor
        JsonNode events = api().get("/api/v1/orders/" + first + "/timeline", merchant.apiKey())
                .json()
                .get("events");
        List<String> steps = new ArrayList<>();
        Map<String, JsonNode> byId = new HashMap<>();
        events.forEach(event -> {
            steps.add(event.get("aggregateType").asString() + ":"
                    + event.get("type").asString() + ":"
                    + event.get("actor").get("role").asString());
            byId.put(event.get("eventId").asString(), event);
        });
        assertThat(steps)
                .containsSubsequence(
                        "Inventory:BackorderPlaced:MERCHANT",
                        "Order:OrderPlaced:MERCHANT",
                        "ProductionBatch:ProductionRequested:SYSTEM",
                        "ProductionBatch:ProductionAccepted:FACTORY",
                        "ProductionBatch:ProductionStarted:FACTORY",
                        "ProductionBatch:ProductionCompleted:FACTORY",
                        "ProductionBatch:BatchShipped:FACTORY",
                        "ProductionBatch:BatchReceived:WAREHOUSE",
                        "Inventory:BackorderFilled:WAREHOUSE",
                        "Order:OrderPacked:WAREHOUSE",
                        "Delivery:DeliveryOffered:WAREHOUSE",
                        "Delivery:DeliveryClaimed:COURIER");
        // the platform's own step names the event that caused it, and that event is in the trail
        JsonNode requested = only(events, "ProductionRequested");
        assertThat(requested.get("actor").get("id").asString()).isNotBlank();
        api().get("/api/v1/orders/" + second + "/timeline", merchant.apiKey())
                .json()
                .get("events")
                .forEach(event -> byId.put(event.get("eventId").asString(), event));
        assertThat(byId)
                .as("the event that made the platform ask is in the buyers' trails")
                .containsKey(requested.get("causationId").asString());
        assertThat(only(events, "ProductionAccepted").get("actor").get("id").asString())
                .isEqualTo(factory.id());

        // and a recall of the batch lists every order that got its units, with where they are now
        JsonNode recall = api().get("/api/v1/production/batches/" + batch + "/orders", merchant.apiKey())
                .json();
        assertThat(recall.get("sku").asString()).isEqualTo("LOT");
        Map<String, JsonNode> recalled = new HashMap<>();
        recall.get("orders").forEach(order -> recalled.put(order.get("orderId").asString(), order));
        assertThat(recalled).containsOnlyKeys(first, second, third);
        assertThat(recalled.get(first).get("status").asString()).isEqualTo("PACKED");
        assertThat(recalled.get(first).get("delivery").get("status").asString()).isEqualTo("CLAIMED");
        assertThat(recalled.get(first).get("delivery").get("courierId").asString())
                .isEqualTo(courier.id());
        assertThat(recalled.get(first).get("shippingAddress").get("zone").asString())
                .isEqualTo("north");
        assertThat(recalled.get(second).get("status").asString()).isEqualTo("PLACED");
        assertThat(recalled.get(second).hasNonNull("delivery")).isFalse();

        // and to anyone else the batch does not exist
        var rival = api().register("merchants", "{\"name\":\"Rival\"}");
        assertThat(api().get("/api/v1/production/batches/" + batch + "/orders", rival.apiKey())
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/production/batches/" + UUID.randomUUID() + "/orders", merchant.apiKey())
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/production/batches/" + batch + "/orders", factory.apiKey())
                        .status())
                .isEqualTo(403);
    }

    private void onAir() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        stream = api().post(
                        "/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"Pre-sale","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":120,
                         "offers":[{"sku":"LOT","price":5.00,"quantity":100,"perBuyerLimit":1,"allowBackorder":true}]}""".formatted(now, now.plus(1, ChronoUnit.HOURS)))
                .json()
                .get("id")
                .asString();
        assertThat(api().post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
    }

    private String order(String buyer) {
        var placed = api().post(
                        "/api/v1/orders",
                        merchant.apiKey(),
                        """
                        {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"LOT","quantity":1}],
                         "shippingAddress":{"zone":"north","line1":"1 Elm St","city":"Springfield","recipient":"%s"}}""".formatted(stream, buyer, buyer),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    private void pay(String orderId) {
        assertThat(api().post(
                                "/api/v1/orders/" + orderId + "/payments",
                                merchant.apiKey(),
                                "{\"amount\":5.00,\"reference\":\"pay-" + orderId + "\"}")
                        .status())
                .isEqualTo(200);
    }

    private void produceAndShip(String batch, int quantity) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(api().post(
                                "/api/v1/factory/batches/" + batch + "/accept",
                                factory.apiKey(),
                                "{\"committedQuantity\":%d,\"expectedCompletionAt\":\"%s\"}"
                                        .formatted(quantity, now.plus(1, ChronoUnit.DAYS)))
                        .status())
                .isEqualTo(200);
        assertThat(api().post("/api/v1/factory/batches/" + batch + "/start", factory.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api().post(
                                "/api/v1/factory/batches/" + batch + "/complete",
                                factory.apiKey(),
                                "{\"producedQuantity\":%d,\"qcPassedQuantity\":%d}".formatted(quantity, quantity))
                        .status())
                .isEqualTo(200);
        assertThat(api().post(
                                "/api/v1/factory/batches/" + batch + "/ship",
                                factory.apiKey(),
                                "{\"warehouseId\":\"%s\",\"quantity\":%d}".formatted(warehouse.id(), quantity))
                        .status())
                .isEqualTo(200);
    }

    private static JsonNode only(JsonNode events, String type) {
        JsonNode found = null;
        for (JsonNode event : events) {
            if (event.get("type").asString().equals(type)) {
                assertThat(found).as("one " + type).isNull();
                found = event;
            }
        }
        assertThat(found).as(type).isNotNull();
        return found;
    }
}
