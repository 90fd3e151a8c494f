package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The flash-sale invariants under real concurrency, over HTTP, against PostgreSQL. */
class FlashSaleIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    SalesScenario sale;

    @BeforeEach
    void setUp() {
        sale = new SalesScenario(api());
    }

    @Test
    void two_thousand_concurrent_orders_for_one_hundred_units_admit_exactly_one_hundred() throws Exception {
        // given an offer of 100 units with plenty of stock
        sale.product("HOT-1");
        sale.receive(sale.northWarehouse, "HOT-1", 1_000);
        String stream = sale.liveStream("HOT-1", 100, 1, false, 30);
        // when 2,000 buyers order at once
        List<Api.Response> responses = concurrently(2_000, 64, i -> sale.order(stream, "buyer-" + i, "HOT-1", 1));
        // then exactly 100 are admitted and everyone else hears sold-out
        long accepted = responses.stream().filter(r -> r.status() == 201).count();
        assertThat(accepted).isEqualTo(100);
        assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.problemType()).isEqualTo("sold-out");
        });
        assertThat(unitsAdmitted(stream)).isEqualTo(100);
        assertThat(ordersPlaced(stream)).isEqualTo(100);
        assertNoWarehouseOversold();
    }

    @Test
    void when_stock_is_short_no_more_units_are_reserved_than_were_received() throws Exception {
        // given an offer bigger than the stock, without backorders
        sale.product("HOT-2");
        sale.receive(sale.northWarehouse, "HOT-2", 30);
        sale.receive(sale.southWarehouse, "HOT-2", 20);
        String stream = sale.liveStream("HOT-2", 1_000, 1, false, 30);
        // when
        List<Api.Response> responses = concurrently(
                400,
                32,
                i -> sale.order(
                        stream, "b" + i, "HOT-2", 1, UUID.randomUUID().toString(), i % 2 == 0 ? "north" : "south"));
        // then
        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(50);
        assertThat(responses.stream().filter(r -> r.status() == 201))
                .allSatisfy(r -> assertThat(r.json().get("stock").asString()).isEqualTo("RESERVED"));
        assertNoWarehouseOversold();
    }

    @Test
    void buyers_hammering_never_exceed_their_limit() throws Exception {
        // given a limit of 2 per buyer
        sale.product("LIM-1");
        sale.receive(sale.northWarehouse, "LIM-1", 10_000);
        String stream = sale.liveStream("LIM-1", 10_000, 2, false, 30);
        // when 20 buyers each send 30 orders (each a new order, with its own key) at once
        List<Api.Response> responses = concurrently(600, 64, i -> sale.order(stream, "greedy-" + (i % 20), "LIM-1", 1));
        // then each buyer got exactly 2, the rest heard purchase-limit-exceeded
        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(40);
        assertThat(responses)
                .filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.problemType()).isEqualTo("purchase-limit-exceeded"));
        List<Integer> perBuyer = jdbc.queryForList("""
                SELECT sum((line->>'quantity')::int)::int FROM event_store.domain_event_entry,
                       jsonb_array_elements(convert_from(payload, 'UTF8')::jsonb->'lines') line
                WHERE aggregate_identifier = ? AND payload_type LIKE '%OrderAdmitted'
                GROUP BY convert_from(payload, 'UTF8')::jsonb->>'buyerId'""", Integer.class, stream);
        assertThat(perBuyer).hasSize(20).allSatisfy(units -> assertThat(units).isEqualTo(2));
    }

    @Test
    void ten_identical_retries_create_one_order() throws Exception {
        // given
        sale.product("RET-1");
        sale.receive(sale.northWarehouse, "RET-1", 100);
        String stream = sale.liveStream("RET-1", 100, 5, false, 30);
        String key = UUID.randomUUID().toString();
        // when the same request is sent 10 times at once
        List<Api.Response> responses =
                concurrently(10, 10, i -> sale.order(stream, "retrier", "RET-1", 1, key, "north"));
        // then one order exists and every answer is that order
        assertThat(ordersPlaced(stream)).isEqualTo(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("id").asString()).distinct())
                .hasSize(1);
        // and a later retry replays it
        var later = sale.order(stream, "retrier", "RET-1", 1, key, "north");
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.json().get("id").asString())
                .isEqualTo(responses.getFirst().json().get("id").asString());
    }

    @Test
    void the_same_key_for_another_order_is_422() {
        sale.product("RET-2");
        sale.receive(sale.northWarehouse, "RET-2", 100);
        String stream = sale.liveStream("RET-2", 100, 5, false, 30);
        sale.order(stream, "alice", "RET-2", 1, "k-1", "north");
        var reused = sale.order(stream, "alice", "RET-2", 2, "k-1", "north");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemType()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void an_order_sent_in_chunks_without_a_length_is_read_whole() {
        // given an offer of one unit
        sale.product("CHUNK-1");
        sale.receive(sale.northWarehouse, "CHUNK-1", 10);
        String stream = sale.liveStream("CHUNK-1", 1, 1, false, 30);
        String body = """
                {"liveStreamId":"%s","buyerId":"chunked","lines":[{"sku":"CHUNK-1","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"1 Main St","city":"Springfield","recipient":"R"}}""".formatted(stream);
        // when the body comes as a stream of unknown length (chunked transfer encoding), then again for the next buyer
        Api.Response placed = orderInChunks(body, "chunked-1");
        Api.Response refused = orderInChunks(body.replace("\"chunked\"", "\"chunked-too\""), "chunked-2");
        // then the first is placed and the second hears sold-out, as with a declared length
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("sold-out");
        assertThat(ordersPlaced(stream)).isEqualTo(1);
    }

    private Api.Response orderInChunks(String body, String key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return api().send(
                        HttpRequest.newBuilder(api().uri("/api/v1/orders"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))),
                        sale.merchant.apiKey(),
                        Map.of("Idempotency-Key", key));
    }

    @Test
    void orders_without_an_idempotency_key_are_refused() {
        sale.product("KEY-1");
        String stream = sale.liveStream("KEY-1", 10, 1, true, 30);
        var response = api().post("/api/v1/orders", sale.merchant.apiKey(), """
                {"liveStreamId":"%s","buyerId":"x","lines":[{"sku":"KEY-1","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""".formatted(stream));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("idempotency-key-required");
        assertThat(ordersPlaced(stream)).isZero();
    }

    @Test
    void a_stream_that_is_not_live_admits_nothing() {
        sale.product("OFF-1");
        sale.receive(sale.northWarehouse, "OFF-1", 10);
        String stream = sale.liveStream("OFF-1", 10, 1, false, 30);
        assertThat(api().post("/api/v1/live-streams/" + stream + "/end", sale.merchant.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        var response = sale.order(stream, "late", "OFF-1", 1);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("live-stream-not-live");
    }

    @Test
    void unknown_stream_or_sku_is_422_and_invalid_input_is_400() {
        sale.product("VAL-1");
        String stream = sale.liveStream("VAL-1", 10, 1, true, 30);
        assertThat(sale.order(UUID.randomUUID().toString(), "b", "VAL-1", 1).problemType())
                .isEqualTo("unknown-live-stream");
        assertThat(sale.order(stream, "b", "NOPE", 1).problemType()).isEqualTo("unknown-sku");
        var invalid = sale.order(stream, "b", "VAL-1", 0);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problemType()).isEqualTo("validation-failed");
        var unknownProduct = api().post("/api/v1/live-streams", sale.merchant.apiKey(), """
                {"title":"t","startsAt":"2030-01-01T10:00:00Z","endsAt":"2030-01-01T11:00:00Z","paymentWindowMinutes":5,
                 "offers":[{"sku":"GHOST","price":1.00,"quantity":1,"perBuyerLimit":1,"allowBackorder":false}]}""");
        assertThat(unknownProduct.status()).isEqualTo(422);
        assertThat(unknownProduct.problemType()).isEqualTo("unknown-sku");
        var duplicateSku = api().post(
                        "/api/v1/products",
                        sale.merchant.apiKey(),
                        "{\"sku\":\"VAL-1\",\"name\":\"again\",\"factoryId\":\"%s\",\"batchSize\":1,\"leadTimeHours\":1}"
                                .formatted(sale.factory.id()));
        assertThat(duplicateSku.status()).isEqualTo(409);
        assertThat(duplicateSku.problemType()).isEqualTo("sku-already-exists");
    }

    @Test
    void a_cancelled_order_gives_its_unit_to_the_next_buyer_before_the_cancel_is_answered() {
        // given the last unit is ordered
        sale.product("CAN-1");
        sale.receive(sale.northWarehouse, "CAN-1", 1);
        String stream = sale.liveStream("CAN-1", 1, 1, false, 30);
        String orderId =
                sale.order(stream, "first", "CAN-1", 1).json().get("id").asString();
        assertThat(sale.order(stream, "second", "CAN-1", 1).problemType()).isEqualTo("sold-out");
        // when it is cancelled
        var cancelled = api().post(
                        "/api/v1/orders/" + orderId + "/cancel",
                        sale.merchant.apiKey(),
                        "{\"reason\":\"changed mind\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        // then the very next buyer gets the unit: it went back in the commit the answer stands for
        assertThat(sale.order(stream, "second", "CAN-1", 1).status()).isEqualTo(201);
        assertThat(api().post(
                                "/api/v1/orders/" + orderId + "/cancel",
                                sale.merchant.apiKey(),
                                "{\"reason\":\"changed mind\"}")
                        .status())
                .isEqualTo(200);
        assertThat(sale.order(stream, "third", "CAN-1", 1).problemType()).isEqualTo("sold-out");
        assertNoWarehouseOversold();
    }

    @Test
    void received_stock_fills_backorders_in_placement_order() {
        // given a pre-sale: 6 orders placed one after the other, none in stock
        sale.product("PRE-1");
        String stream = sale.liveStream("PRE-1", 100, 1, true, 30);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var placed = sale.order(stream, "early-" + i, "PRE-1", 1);
            assertThat(placed.status()).isEqualTo(201);
            assertThat(placed.json().get("stock").asString()).isEqualTo("BACKORDERED");
            orders.add(placed.json().get("id").asString());
        }
        // when 4 units arrive
        sale.receive(sale.southWarehouse, "PRE-1", 4);
        // then the 4 earliest orders hold them and the last 2 still wait
        ReadModels.awaitQuiet(context);
        for (int i = 0; i < 6; i++) {
            var order = api().get("/api/v1/orders/" + orders.get(i), sale.merchant.apiKey());
            assertThat(order.json().get("stock").asString()).isEqualTo(i < 4 ? "RESERVED" : "BACKORDERED");
        }
        var stock = api().get("/api/v1/stock/PRE-1", sale.merchant.apiKey()).json();
        assertThat(stock.get("backordered").asInt()).isEqualTo(2);
    }

    @Test
    void another_merchants_sold_out_stream_looks_the_same_as_no_stream_at_all() {
        // given a stream sold out, which the fast path knows
        sale.product("TEN-2");
        sale.receive(sale.northWarehouse, "TEN-2", 1);
        String stream = sale.liveStream("TEN-2", 1, 1, false, 30);
        assertThat(sale.order(stream, "first", "TEN-2", 1).status()).isEqualTo(201);
        assertThat(sale.order(stream, "second", "TEN-2", 1).problemType()).isEqualTo("sold-out");
        // when another merchant orders on it, and on a stream that does not exist
        var other = new SalesScenario(api());
        var onTheirs = other.order(stream, "spy", "TEN-2", 1);
        var onNothing = other.order(java.util.UUID.randomUUID().toString(), "spy", "TEN-2", 1);
        // then both get the same answer: nothing tells a competitor what sells or when it sells out
        assertThat(onTheirs.status()).isEqualTo(onNothing.status()).isEqualTo(422);
        assertThat(onTheirs.problemType()).isEqualTo(onNothing.problemType()).isEqualTo("unknown-live-stream");
    }

    @Test
    void another_merchants_order_answers_404() {
        sale.product("TEN-1");
        sale.receive(sale.northWarehouse, "TEN-1", 5);
        String stream = sale.liveStream("TEN-1", 5, 1, false, 30);
        String orderId = sale.order(stream, "b", "TEN-1", 1).json().get("id").asString();
        var other = api().register("merchants", "{\"name\":\"Other\"}");
        // read at the position of the later change: the order is in the read models, for its owner only
        assertThat(api().get(Api.at("/api/v1/orders/" + orderId, other.position()), sale.merchant.apiKey())
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/orders/" + orderId, other.apiKey()).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/orders/" + orderId + "/timeline", other.apiKey())
                        .status())
                .isEqualTo(404);
        assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", other.apiKey(), "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api().post(
                                "/api/v1/orders/" + orderId + "/payments",
                                other.apiKey(),
                                "{\"amount\":19.90,\"reference\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/live-streams/" + stream, other.apiKey()).status())
                .isEqualTo(404);
        assertThat(api().post("/api/v1/live-streams/" + stream + "/end", other.apiKey(), "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/stock/TEN-1", other.apiKey()).status()).isEqualTo(404);
        // and for the other merchant the stream does not exist either
        var foreignOrder = api().post(
                        "/api/v1/orders",
                        other.apiKey(),
                        """
                {"liveStreamId":"%s","buyerId":"b2","lines":[{"sku":"TEN-1","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""".formatted(stream),
                        Map.of("Idempotency-Key", "foreign-1"));
        assertThat(foreignOrder.status()).isEqualTo(422);
        assertThat(foreignOrder.problemType()).isEqualTo("unknown-live-stream");
    }

    @Test
    void the_timeline_shows_admission_and_reservation_with_actor_and_correlation_id() {
        // given
        sale.product("AUD-1");
        sale.receive(sale.northWarehouse, "AUD-1", 5);
        String stream = sale.liveStream("AUD-1", 5, 1, false, 30);
        var placed = api().post(
                        "/api/v1/orders",
                        sale.merchant.apiKey(),
                        """
                {"liveStreamId":"%s","buyerId":"audited","lines":[{"sku":"AUD-1","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""".formatted(stream),
                        Map.of("Idempotency-Key", "audit-1", "X-Request-Id", "order-req-7"));
        String orderId = placed.json().get("id").asString();
        var paid = api().post(
                        "/api/v1/orders/" + orderId + "/payments",
                        sale.merchant.apiKey(),
                        "{\"amount\":19.90,\"reference\":\"psp-1\"}",
                        Map.of("X-Request-Id", "pay-req-8"));
        assertThat(paid.status()).isEqualTo(200);
        // then, read at the payment's position
        var timeline = api().get(
                        Api.at("/api/v1/orders/" + orderId + "/timeline", paid.position()), sale.merchant.apiKey())
                .json()
                .get("events");
        List<String> types = new ArrayList<>();
        timeline.forEach(event -> types.add(event.get("type").asString()));
        assertThat(types).containsExactly("OrderAdmitted", "StockReserved", "OrderPlaced", "OrderPaid");
        timeline.forEach(event -> {
            assertThat(event.get("actor").get("role").asString()).isEqualTo("MERCHANT");
            assertThat(event.get("actor").get("id").asString()).isEqualTo(sale.merchant.id());
        });
        assertThat(timeline.get(0).get("correlationId").asString()).isEqualTo("order-req-7");
        assertThat(timeline.get(1).get("correlationId").asString()).isEqualTo("order-req-7");
        assertThat(timeline.get(3).get("correlationId").asString()).isEqualTo("pay-req-8");
        assertThat(timeline.get(0).get("aggregateType").asString()).isEqualTo("LiveStream");
        assertThat(timeline.get(1).get("aggregateType").asString()).isEqualTo("Inventory");
        assertThat(timeline.get(1).get("data").get("warehouseId").get("value").asString())
                .isEqualTo(sale.northWarehouse.id());
    }

    private int unitsAdmitted(String stream) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum((line->>'quantity')::int), 0)::int FROM event_store.domain_event_entry,
                       jsonb_array_elements(convert_from(payload, 'UTF8')::jsonb->'lines') line
                WHERE aggregate_identifier = ? AND payload_type LIKE '%OrderAdmitted'""", Integer.class, stream);
    }

    private int ordersPlaced(String stream) {
        return jdbc.queryForObject("""
                SELECT count(*)::int FROM event_store.domain_event_entry
                WHERE payload_type LIKE '%OrderPlaced'
                  AND convert_from(payload, 'UTF8')::jsonb->'liveStreamId'->>'value' = ?""", Integer.class, stream);
    }

    /** Invariant 1, from the event store: per warehouse, units held never exceed units received. */
    private void assertNoWarehouseOversold() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                WITH e AS (
                  SELECT aggregate_identifier inv, payload_type t, convert_from(payload, 'UTF8')::jsonb p
                  FROM event_store.domain_event_entry WHERE type = 'Inventory')
                SELECT inv, p->'warehouseId'->>'value' wh,
                  sum(CASE WHEN t LIKE '%StockReceived' THEN (p->>'quantity')::int ELSE 0 END) received,
                  sum(CASE WHEN t LIKE '%StockReserved' OR t LIKE '%BackorderFilled' THEN (p->>'quantity')::int
                           WHEN t LIKE '%StockReleased' THEN -(p->>'quantity')::int ELSE 0 END) held
                FROM e WHERE p ? 'warehouseId' GROUP BY 1, 2""");
        assertThat(rows)
                .allSatisfy(row -> assertThat(((Number) row.get("held")).longValue())
                        .isLessThanOrEqualTo(((Number) row.get("received")).longValue()));
    }

    interface Indexed<T> {
        T call(int index) throws Exception;
    }

    private static List<Api.Response> concurrently(int requests, int threads, Indexed<Api.Response> request)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < requests; i++) {
                int index = i;
                Callable<Api.Response> call = () -> {
                    start.await();
                    return request.call(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
