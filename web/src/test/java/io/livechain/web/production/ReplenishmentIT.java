package io.livechain.web.production;

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

/** From a pre-sale with no stock to every order reserved: replenishment, the factory, inbound stock, receipts. */
class ReplenishmentIT extends PlatformIT {

    @Test
    void a_pre_sale_is_produced_shipped_and_received_first_come_first_served() {
        // given a pre-sale offer of a product with no stock
        Api api = api();
        var merchant = api.register("merchants", "{\"name\":\"Pre-sale Co\"}");
        var factory = api.register("factories", "{\"name\":\"Plant\"}");
        var otherFactory = api.register("factories", "{\"name\":\"Other plant\"}");
        var warehouse = api.register("warehouses", "{\"name\":\"DC\",\"zone\":\"north\"}");
        api.link(warehouse, merchant);
        assertThat(api.post(
                                "/api/v1/products",
                                merchant.apiKey(),
                                "{\"sku\":\"PRE\",\"name\":\"Pre\",\"factoryId\":\"%s\",\"batchSize\":300,\"leadTimeHours\":72}"
                                        .formatted(factory.id()))
                        .status())
                .isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stream = api.post(
                        "/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"Pre-sale","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":120,
                         "offers":[{"sku":"PRE","price":5.00,"quantity":1000,"perBuyerLimit":1,"allowBackorder":true}]}""".formatted(now, now.plus(1, ChronoUnit.HOURS)))
                .json()
                .get("id")
                .asString();
        api.post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}");

        // when 500 buyers order, one after the other
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            var placed = api.post(
                    "/api/v1/orders",
                    merchant.apiKey(),
                    """
                    {"liveStreamId":"%s","buyerId":"buyer-%d","lines":[{"sku":"PRE","quantity":1}],
                     "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""".formatted(stream, i),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.status()).isEqualTo(201);
            assertThat(placed.json().get("stock").asString()).isEqualTo("BACKORDERED");
            orders.add(placed.json().get("id").asString());
        }

        // then the factory sees one open request, covering the 500 units in whole batches
        ReadModels.awaitQuiet(context);
        JsonNode request = api.get("/api/v1/factory/production-requests?status=REQUESTED", factory.apiKey())
                .json();
        assertThat(request.size()).isEqualTo(1);
        assertThat(request.get(0).get("quantity").asInt()).isGreaterThanOrEqualTo(500);
        assertThat(request.get(0).get("quantity").asInt() % 300).isZero();
        assertThat(request.get(0).get("sku").asString()).isEqualTo("PRE");
        String batch = request.get(0).get("id").asString();
        // and another factory sees none of it
        assertThat(api.get("/api/v1/factory/production-requests", otherFactory.apiKey())
                        .json()
                        .size())
                .isZero();
        assertThat(api.post("/api/v1/factory/batches/" + batch + "/start", otherFactory.apiKey(), "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/factory/batches/" + batch, otherFactory.apiKey())
                        .status())
                .isEqualTo(404);

        // when the factory accepts, starts, completes and ships
        int quantity = request.get(0).get("quantity").asInt();
        assertThat(api.post(
                                "/api/v1/factory/batches/" + batch + "/accept",
                                factory.apiKey(),
                                "{\"committedQuantity\":%d,\"expectedCompletionAt\":\"%s\"}"
                                        .formatted(quantity, now.plus(2, ChronoUnit.DAYS)))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/factory/batches/" + batch + "/start", factory.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/factory/batches/" + batch + "/complete",
                                factory.apiKey(),
                                "{\"producedQuantity\":%d,\"qcPassedQuantity\":%d}".formatted(quantity, quantity))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/factory/batches/" + batch + "/ship",
                                factory.apiKey(),
                                "{\"warehouseId\":\"%s\",\"quantity\":%d}".formatted(warehouse.id(), quantity))
                        .status())
                .isEqualTo(200);

        // then the stock view shows it inbound
        ReadModels.awaitQuiet(context);
        assertThat(api.get("/api/v1/stock/PRE", merchant.apiKey())
                        .json()
                        .get("inbound")
                        .asInt())
                .isEqualTo(quantity);

        // when a first partial receipt of 200 arrives
        var firstReceipt = api.post(
                "/api/v1/warehouse/receipts",
                warehouse.apiKey(),
                "{\"merchantId\":\"%s\",\"sku\":\"PRE\",\"quantity\":200,\"batchId\":\"%s\"}"
                        .formatted(merchant.id(), batch));
        assertThat(firstReceipt.status()).as(firstReceipt.body()).isEqualTo(201);

        // then exactly the 200 earliest orders hold units
        ReadModels.awaitQuiet(context);
        for (int i = 0; i < orders.size(); i += 7) {
            assertStock(api, merchant.apiKey(), orders.get(i), i < 200 ? "RESERVED" : "BACKORDERED");
        }
        assertStock(api, merchant.apiKey(), orders.get(199), "RESERVED");
        assertStock(api, merchant.apiKey(), orders.get(200), "BACKORDERED");
        assertThat(api.get("/api/v1/stock/PRE", merchant.apiKey())
                        .json()
                        .get("backordered")
                        .asInt())
                .isEqualTo(300);

        // when the rest arrives, the rest follow; receiving more than was shipped is refused
        var tooMuch = api.post(
                "/api/v1/warehouse/receipts",
                warehouse.apiKey(),
                "{\"merchantId\":\"%s\",\"sku\":\"PRE\",\"quantity\":%d,\"batchId\":\"%s\"}"
                        .formatted(merchant.id(), quantity, batch));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problemType()).isEqualTo("receipt-exceeds-shipment");
        assertThat(api.post(
                                "/api/v1/warehouse/receipts",
                                warehouse.apiKey(),
                                "{\"merchantId\":\"%s\",\"sku\":\"PRE\",\"quantity\":%d,\"batchId\":\"%s\"}"
                                        .formatted(merchant.id(), quantity - 200, batch))
                        .status())
                .isEqualTo(201);
        ReadModels.awaitQuiet(context);
        assertStock(api, merchant.apiKey(), orders.getLast(), "RESERVED");
        var stock = api.get("/api/v1/stock/PRE", merchant.apiKey()).json();
        assertThat(stock.get("backordered").asInt()).isZero();
        assertThat(stock.get("inbound").asInt()).isZero();

        // and the genealogy: the batch lists the orders it served, the order's timeline names the batch
        ReadModels.awaitQuiet(context);
        JsonNode served = api.get("/api/v1/factory/batches/" + batch, factory.apiKey())
                .json()
                .get("ordersServed");
        assertThat(served.size()).isEqualTo(500);
        assertThat(api.get("/api/v1/orders/" + orders.getFirst() + "/timeline", merchant.apiKey())
                        .body())
                .contains("BackorderFilled", batch);
        assertThat(api.get("/api/v1/production-requests", merchant.apiKey())
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("RECEIVED");
    }

    private static void assertStock(Api api, String key, String orderId, String expected) {
        assertThat(api.get("/api/v1/orders/" + orderId, key).json().get("stock").asString())
                .as("order " + orderId)
                .isEqualTo(expected);
    }
}
