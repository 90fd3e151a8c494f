package io.livechain.web.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.event.ParticipantRegistered;
import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import io.livechain.web.support.ProblemCatalogue;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The published contract is what the server does. The main flow runs over real HTTP, every endpoint at least once
 * with its typical errors, and every answer (status, headers, body) is checked against the platform's own
 * {@code /v3/api-docs} by the Atlassian OpenAPI validator; requests meant to be valid are checked too. Problem types
 * must be named by the document for that operation and status, and docs/problems.md must match the document.
 */
class ApiContractIT extends PlatformIT {

    private static final String OPERATOR = Api.OPERATOR_KEY;
    /** Answered by no operation of its own: a wrong method, and a delivery the platform itself offered wrongly. */
    private static final Set<String> TYPES_OF_NO_OPERATION = Set.of("method-not-allowed", "invalid-delivery");

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    private String document;
    private Contract contract;
    private ContractClient client;
    private ContractClient wrong;

    @BeforeEach
    void readTheDocument() {
        var served = api().get("/v3/api-docs", null);
        assertThat(served.status()).isEqualTo(200);
        document = served.body();
        contract = new Contract(document);
        client = new ContractClient(api(), port, contract);
        wrong = client.wrong();
    }

    @Test
    void every_answer_of_the_main_flow_is_what_the_document_says() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // the operator registers everyone; a retry with the same key replays, another body with it is refused
        var merchant = register("merchants", "{\"name\":\"Contract Live\"}");
        var rival = register("merchants", "{\"name\":\"Rival\"}");
        var factory = register("factories", "{\"name\":\"Plant\"}");
        var warehouse = register("warehouses", "{\"name\":\"North DC\",\"zone\":\"north\"}");
        var courier = register("couriers", "{\"name\":\"Ada\",\"zones\":[\"north\"]}");
        var otherCourier = register("couriers", "{\"name\":\"Bo\",\"zones\":[\"north\",\"east\"]}");
        Map<String, String> twice = key();
        expect(client.post("/api/v1/admin/merchants", OPERATOR, "{\"name\":\"Twice\"}", twice), 201);
        var replayed = expect(client.post("/api/v1/admin/merchants", OPERATOR, "{\"name\":\"Twice\"}", twice), 201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().has("apiKey")).isFalse();
        problem(wrong.post("/api/v1/admin/merchants", OPERATOR, "{\"name\":\"Other\"}", twice), 422);
        problem(
                wrong.post("/api/v1/admin/merchants", OPERATOR, "{\"name\":\"X\"}", Map.of("Idempotency-Key", "a b")),
                400);
        problem(wrong.post("/api/v1/admin/warehouses", OPERATOR, "{\"name\":\"W\",\"zone\":\"North Pole!\"}"), 400);
        var nameless = problem(wrong.post("/api/v1/admin/merchants", OPERATOR, "{}"), 400);
        assertThat(nameless.json().path("errors").get(0).path("field").asString())
                .isEqualTo("name");
        problem(wrong.post("/api/v1/admin/merchants", OPERATOR, "{\"name\":\"" + "x".repeat(2 << 20) + "\"}"), 413);
        // read your writes: at the position of the last registration, as a parameter or a header
        long registered = replayed.position();
        expect(client.get(Api.at("/api/v1/admin/participants", registered), OPERATOR), 200);
        expect(
                client.get(
                        "/api/v1/admin/participants?kind=COURIER",
                        OPERATOR,
                        Map.of("LiveChain-Min-Position", Long.toString(registered))),
                200);
        expect(client.get(Api.at("/api/v1/admin/participants/" + courier.id(), registered), OPERATOR), 200);
        var stale = expect(client.get(Api.at("/api/v1/admin/participants/" + courier.id(), 1L << 40), OPERATOR), 200);
        assertThat(stale.header("LiveChain-Stale")).isEqualTo("true");
        problem(wrong.get("/api/v1/admin/participants?minPosition=soon", OPERATOR), 400);
        problem(wrong.get("/api/v1/admin/participants/" + UUID.randomUUID(), OPERATOR), 404);
        problem(wrong.get("/api/v1/admin/participants/not-a-uuid", OPERATOR), 400);
        problem(wrong.get("/api/v1/admin/participants", merchant.apiKey()), 403);
        // an event the read models cannot take (as an older version could have stored it) is set aside
        ParticipantId poisoned = ParticipantId.random();
        var poison = new GenericDomainEventMessage<>(
                "Participant",
                poisoned.toString(),
                0,
                new ParticipantRegistered(poisoned, ParticipantKind.MERCHANT, "Poisoned\u0000", List.of()));
        transactions.executeWithoutResult(status -> eventStore.publish(poison));
        ReadModels.awaitCaughtUp(eventStore, processing);
        expect(
                client.post(
                        "/api/v1/admin/set-aside-events/" + poison.getIdentifier() + "/replay", OPERATOR, "", key()),
                200);
        expect(client.get("/api/v1/admin/set-aside-events", OPERATOR), 200);
        expect(client.post("/api/v1/admin/set-aside-events/replay", OPERATOR, "", key()), 200);

        // keys: the operator lists, rotates and revokes a participant's; a participant rotates its own
        var spare = register("merchants", "{\"name\":\"Spare\"}");
        String keys = "/api/v1/admin/participants/" + spare.id() + "/api-keys";
        String keyId =
                expect(client.get(keys, OPERATOR), 200).json().get(0).get("id").asString();
        expect(client.get(keys + "/" + keyId, OPERATOR), 200);
        problem(wrong.get(keys + "/" + UUID.randomUUID(), OPERATOR), 404);
        problem(wrong.get("/api/v1/admin/participants/" + UUID.randomUUID() + "/api-keys", OPERATOR), 404);
        var rotated = expect(client.post(keys, OPERATOR, "{\"gracePeriodSeconds\":0}", key()), 201);
        problem(wrong.post(keys, OPERATOR, "{\"gracePeriodSeconds\":-1}", key()), 400);
        expect(client.post(keys + "/" + rotated.json().get("id").asString() + "/revoke", OPERATOR, "", key()), 200);
        problem(wrong.get("/api/v1/me/api-key", spare.apiKey()), 401);
        var another = register("merchants", "{\"name\":\"Another spare\"}");
        expect(client.get("/api/v1/me/api-key", another.apiKey()), 200);
        problem(
                wrong.get(
                        "/api/v1/me/events?once=true",
                        another.apiKey(),
                        Map.of("Accept", "text/event-stream", "Last-Event-ID", "x")),
                400);
        expect(client.post("/api/v1/me/api-key", another.apiKey(), "{\"gracePeriodSeconds\":60}", key()), 201);
        problem(wrong.get("/api/v1/me/api-key", OPERATOR), 403);

        // webhooks: a participant subscribes (the secret shown once), reads, rotates, rewinds and deletes its own
        String hook = "{\"url\":\"https://hooks.livechain.invalid/in\",\"eventTypes\":[\"order.status_changed\"]}";
        var subscribed = expect(client.post("/api/v1/me/webhooks", another.apiKey(), hook, key()), 201);
        String hookPath = subscribed.header("Location");
        assertThat(subscribed.json().get("secret").asString()).startsWith("whsec_");
        expect(client.get("/api/v1/me/webhooks", another.apiKey()), 200);
        expect(client.get(hookPath, another.apiKey()), 200);
        expect(client.get(hookPath + "/deliveries?limit=5", another.apiKey()), 200);
        problem(wrong.get(hookPath + "/deliveries?cursor=nope", another.apiKey()), 400);
        expect(client.post(hookPath + "/rotate-secret", another.apiKey(), "{\"gracePeriodSeconds\":60}", key()), 200);
        expect(client.post(hookPath + "/redeliver", another.apiKey(), "{\"fromPosition\":0}", key()), 200);
        problem(wrong.post(hookPath + "/redeliver", another.apiKey(), "{\"fromPosition\":-1}", key()), 400);
        problem(wrong.get(hookPath, rival.apiKey()), 404);
        var loopback = problem(
                wrong.post(
                        "/api/v1/me/webhooks",
                        another.apiKey(),
                        "{\"url\":\"http://127.0.0.1:8080/in\",\"eventTypes\":[\"order.status_changed\"]}",
                        key()),
                400);
        assertThat(loopback.json().path("errors").get(0).path("field").asString())
                .isEqualTo("url");
        problem(
                wrong.post(
                        "/api/v1/me/webhooks",
                        another.apiKey(),
                        "{\"url\":\"https://hooks.livechain.invalid/in\",\"eventTypes\":[\"delivery.offered\"]}",
                        key()),
                400);
        expect(client.send("DELETE", hookPath, another.apiKey(), null, Map.of()), 204);
        problem(wrong.send("DELETE", hookPath, another.apiKey(), null, Map.of()), 404);
        assertThat(document).contains("WebhookDelivery.order.status_changed", "WebhookDelivery.delivery.offered");
        problem(
                wrong.post("/api/v1/admin/set-aside-events/" + UUID.randomUUID() + "/replay", OPERATOR, "", key()),
                404);
        problem(wrong.get("/api/v1/products", null), 401);
        problem(wrong.get("/api/v1/products", "lc_no_such_key"), 401);

        // the merchant's catalogue
        String mk = merchant.apiKey();
        var product = expect(client.post("/api/v1/products", mk, product("LIP", factory.id())), 201);
        assertThat(product.header("Location")).isEqualTo("/api/v1/products/LIP");
        expect(client.post("/api/v1/products", mk, product("PRE", factory.id())), 201);
        expect(client.post("/api/v1/products", mk, product("ONE", factory.id())), 201);
        problem(wrong.post("/api/v1/products", mk, product("LIP", factory.id())), 409);
        problem(
                wrong.post(
                        "/api/v1/products", mk, product("ZZZ", UUID.randomUUID().toString())),
                422);
        var missing = problem(
                wrong.post(
                        "/api/v1/products",
                        mk,
                        "{\"sku\":\"NEW\",\"name\":\"N\",\"factoryId\":\"%s\",\"batchSize\":10}"
                                .formatted(factory.id())),
                400);
        assertThat(missing.json().path("errors").get(0).path("field").asString())
                .isEqualTo("leadTimeHours");
        problem(wrong.send("POST", "/api/v1/products", mk, "sku=X", Map.of("Content-Type", "text/plain")), 415);
        problem(wrong.get("/api/v1/products", mk, Map.of("Accept", "text/html")), 406);
        settle();
        expect(client.get("/api/v1/products", mk), 200);
        expect(client.get("/api/v1/products/LIP", mk), 200);
        problem(wrong.get("/api/v1/products/NOPE", mk), 404);

        // the operator lets the warehouse serve the merchant; stock arrives
        String wk = warehouse.apiKey();
        String links = "/api/v1/admin/warehouses/" + warehouse.id() + "/merchants";
        problem(wrong.post("/api/v1/warehouse/receipts", wk, receipt(merchant.id(), "LIP", 50)), 422);
        expect(client.send("PUT", links + "/" + merchant.id(), OPERATOR, null, Map.of()), 200);
        expect(client.send("PUT", links + "/" + rival.id(), OPERATOR, null, Map.of()), 200);
        expect(client.send("DELETE", links + "/" + rival.id(), OPERATOR, null, Map.of()), 200);
        problem(wrong.send("PUT", links + "/" + UUID.randomUUID(), OPERATOR, null, Map.of()), 404);
        problem(
                wrong.send(
                        "DELETE",
                        "/api/v1/admin/warehouses/" + UUID.randomUUID() + "/merchants/" + merchant.id(),
                        OPERATOR,
                        null,
                        Map.of()),
                404);
        problem(wrong.send("PUT", links + "/" + merchant.id(), mk, null, Map.of()), 403);
        settle();
        expect(client.get(links, OPERATOR), 200);
        problem(wrong.get("/api/v1/admin/warehouses/" + UUID.randomUUID() + "/merchants", OPERATOR), 404);
        expect(client.post("/api/v1/warehouse/receipts", wk, receipt(merchant.id(), "LIP", 50)), 201);
        expect(client.post("/api/v1/warehouse/receipts", wk, receipt(merchant.id(), "ONE", 1)), 201);
        problem(wrong.post("/api/v1/warehouse/receipts", wk, receipt(merchant.id(), "NOPE", 1)), 422);
        problem(wrong.post("/api/v1/warehouse/receipts", mk, receipt(merchant.id(), "LIP", 1)), 403);
        settle();
        expect(client.get("/api/v1/stock/LIP", mk), 200);
        problem(wrong.get("/api/v1/stock/NOPE", mk), 404);

        // live streams: one on air, one that has ended
        String stream = expect(client.post("/api/v1/live-streams", mk, liveStream(now, """
                        {"sku":"LIP","price":19.90,"quantity":40,"perBuyerLimit":2,"allowBackorder":false},
                        {"sku":"PRE","price":5.00,"quantity":100,"perBuyerLimit":5,"allowBackorder":true},
                        {"sku":"ONE","price":9.00,"quantity":1,"perBuyerLimit":1,"allowBackorder":false}""")), 201)
                .json()
                .get("id")
                .asString();
        String ended = expect(
                        client.post(
                                "/api/v1/live-streams",
                                mk,
                                liveStream(
                                        now,
                                        "{\"sku\":\"LIP\",\"price\":19.90,\"quantity\":5,\"perBuyerLimit\":1,"
                                                + "\"allowBackorder\":false}")),
                        201)
                .json()
                .get("id")
                .asString();
        problem(wrong.post("/api/v1/live-streams", mk, """
                        {"title":"Backwards","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                         "offers":[{"sku":"LIP","price":1.00,"quantity":1,"perBuyerLimit":1,"allowBackorder":false}]}""".formatted(now, now.minus(1, ChronoUnit.HOURS))), 400);
        problem(
                wrong.post(
                        "/api/v1/live-streams",
                        mk,
                        liveStream(
                                now,
                                "{\"sku\":\"NOPE\",\"price\":1.00,\"quantity\":1,\"perBuyerLimit\":1,"
                                        + "\"allowBackorder\":false}")),
                422);
        settle();
        expect(client.get("/api/v1/live-streams/" + stream, mk), 200);
        problem(wrong.get("/api/v1/live-streams/" + stream, rival.apiKey()), 404);
        expect(client.post("/api/v1/live-streams/" + stream + "/start", mk), 200);
        expect(client.post("/api/v1/live-streams/" + ended + "/start", mk), 200);
        expect(client.post("/api/v1/live-streams/" + ended + "/end", mk), 200);
        problem(wrong.post("/api/v1/live-streams/" + ended + "/start", mk), 409);
        problem(wrong.post("/api/v1/live-streams/" + UUID.randomUUID() + "/end", mk), 404);

        // buyers order
        Map<String, String> first = key();
        var placed = expect(client.post("/api/v1/orders", mk, order(stream, "buyer-1", "LIP", 1), first), 201);
        assertThat(placed.header("Location")).isNotBlank();
        String paid = placed.json().get("id").asString();
        var again = expect(client.post("/api/v1/orders", mk, order(stream, "buyer-1", "LIP", 1), first), 201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        problem(wrong.post("/api/v1/orders", mk, order(stream, "buyer-1", "LIP", 2), first), 422);
        problem(wrong.post("/api/v1/orders", mk, order(stream, "buyer-1", "LIP", 1)), 400);
        var noQuantity = problem(
                wrong.post(
                        "/api/v1/orders", mk, order(stream, "buyer-1", "LIP", 1).replace(",\"quantity\":1", ""), key()),
                400);
        assertThat(noQuantity.json().path("errors").get(0).path("field").asString())
                .isEqualTo("lines[0].quantity");
        problem(wrong.post("/api/v1/orders", mk, order(ended, "buyer-1", "LIP", 1), key()), 409);
        problem(wrong.post("/api/v1/orders", mk, order(stream, "buyer-1", "LIP", 2), key()), 409);
        String unpaid = place(mk, stream, "buyer-2", "ONE");
        problem(wrong.post("/api/v1/orders", mk, order(stream, "buyer-3", "ONE", 1), key()), 409);
        problem(wrong.post("/api/v1/orders", mk, order(UUID.randomUUID().toString(), "b", "LIP", 1), key()), 422);
        problem(wrong.post("/api/v1/orders", rival.apiKey(), order(stream, "b", "LIP", 1), key()), 422);
        problem(wrong.post("/api/v1/orders", mk, order(stream, "b", "NOPE", 1), key()), 422);
        problem(wrong.post("/api/v1/orders", null, order(stream, "b", "LIP", 1), key()), 401);
        problem(wrong.post("/api/v1/orders", wk, order(stream, "b", "LIP", 1), key()), 403);
        problem(wrong.send("POST", "/api/v1/orders", mk, "x", Map.of("Content-Type", "text/plain")), 415);
        String backordered = place(mk, stream, "buyer-4", "PRE");
        String cancelled = place(mk, stream, "buyer-5", "LIP");
        String delivered = paid;
        String returned = place(mk, stream, "buyer-7", "LIP");

        // the merchant follows its orders
        settle();
        expect(client.get("/api/v1/orders", mk), 200);
        var page = expect(client.get("/api/v1/orders?liveStreamId=" + stream + "&status=PLACED&limit=2", mk), 200);
        String cursor = page.json().get("nextCursor").asString();
        expect(client.get("/api/v1/orders?liveStreamId=" + stream + "&limit=2&cursor=" + cursor, mk), 200);
        problem(wrong.get("/api/v1/orders?cursor=bm90LWEtY3Vyc29y", mk), 400);
        problem(wrong.get("/api/v1/orders?limit=0", mk), 400);
        expect(client.get("/api/v1/orders/" + backordered, mk), 200);
        expect(client.get("/api/v1/orders/" + paid + "/timeline", mk), 200);
        problem(wrong.get("/api/v1/orders/" + paid, rival.apiKey()), 404);
        problem(wrong.get("/api/v1/orders/" + paid + "/timeline", rival.apiKey()), 404);

        // payments and a cancellation
        expect(client.post("/api/v1/orders/" + paid + "/payments", mk, payment("19.90", "psp-1")), 200);
        problem(wrong.post("/api/v1/orders/" + paid + "/payments", mk, payment("19.90", "psp-other")), 409);
        problem(wrong.post("/api/v1/orders/" + returned + "/payments", mk, payment("1.00", "psp-7")), 422);
        expect(client.post("/api/v1/orders/" + returned + "/payments", mk, payment("19.90", "psp-7")), 200);
        expect(client.post("/api/v1/orders/" + cancelled + "/cancel", mk, "{\"reason\":\"changed mind\"}"), 200);
        problem(wrong.post("/api/v1/orders/" + cancelled + "/payments", mk, payment("19.90", "psp-5")), 409);
        problem(wrong.post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", mk, "{\"reason\":\"x\"}"), 404);
        problem(wrong.post("/api/v1/orders/" + UUID.randomUUID() + "/payments", mk, payment("1.00", "p")), 404);

        // the warehouse packs what is paid
        settle();
        expect(client.get("/api/v1/warehouse/pick-list", wk), 200);
        String deliveryOfPaid = expect(client.post(pack(delivered), wk, "{\"parcels\":1}"), 200)
                .json()
                .get("deliveryId")
                .asString();
        String deliveryOfReturned = expect(client.post(pack(returned), wk, "{\"parcels\":2}"), 200)
                .json()
                .get("deliveryId")
                .asString();
        problem(wrong.post(pack(unpaid), wk, "{\"parcels\":1}"), 409);
        problem(wrong.post(pack(UUID.randomUUID().toString()), wk, "{\"parcels\":1}"), 404);

        // couriers: one delivery reaches the door, the other comes back after three failed attempts
        String ck = courier.apiKey();
        settle();
        expect(client.get("/api/v1/courier/offers", ck), 200);
        expect(client.post(delivery(deliveryOfPaid, "claim"), ck), 200);
        problem(wrong.post(delivery(deliveryOfPaid, "claim"), otherCourier.apiKey()), 409);
        expect(client.post(delivery(deliveryOfPaid, "pickup"), ck), 200);
        String code = expect(client.get("/api/v1/orders/" + delivered, mk), 200)
                .json()
                .get("delivery")
                .get("code")
                .asString();
        String proof = "{\"proof\":{\"recipientName\":\"buyer-1\",\"code\":\"%s\"}}";
        String wrongCode = code.equals("000000") ? "000001" : "000000";
        problem(wrong.post(delivery(deliveryOfPaid, "deliver"), ck, proof.formatted(wrongCode)), 422);
        expect(client.post(delivery(deliveryOfPaid, "deliver"), ck, proof.formatted(code)), 200);
        problem(wrong.post(delivery(UUID.randomUUID().toString(), "pickup"), ck), 404);
        for (int attempt = 1; attempt <= 3; attempt++) {
            settle();
            expect(client.post(delivery(deliveryOfReturned, "claim"), ck), 200);
            expect(client.post(delivery(deliveryOfReturned, "pickup"), ck), 200);
            expect(client.post(delivery(deliveryOfReturned, "fail"), ck, "{\"reason\":\"nobody home\"}"), 200);
        }
        problem(wrong.post(delivery(deliveryOfReturned, "claim"), ck), 409);
        settle();
        expect(client.get("/api/v1/courier/deliveries", ck), 200);
        expect(client.post("/api/v1/warehouse/orders/" + returned + "/confirm-return", wk), 200);
        problem(wrong.post("/api/v1/warehouse/orders/" + delivered + "/confirm-return", wk), 409);

        // the pre-sale is produced: a first request is declined, the next one made, shipped and received
        String fk = factory.apiKey();
        settle();
        String declined = requestFor(fk, "PRE");
        expect(client.get("/api/v1/factory/batches/" + declined, fk), 200);
        expect(client.post(batch(declined, "reject"), fk, "{\"reason\":\"no capacity this week\"}"), 200);
        problem(wrong.post(batch(declined, "accept"), fk, acceptance(10, now)), 409);
        settle();
        String batch = requestFor(fk, "PRE");
        int quantity = expect(client.get("/api/v1/factory/batches/" + batch, fk), 200)
                .json()
                .path("batch")
                .path("quantity")
                .asInt();
        expect(client.post(batch(batch, "accept"), fk, acceptance(quantity, now)), 200);
        expect(client.post(batch(batch, "start"), fk), 200);
        expect(
                client.post(
                        batch(batch, "complete"),
                        fk,
                        "{\"producedQuantity\":%d,\"qcPassedQuantity\":%d}".formatted(quantity, quantity)),
                200);
        problem(
                wrong.post(
                        batch(batch, "ship"),
                        fk,
                        "{\"warehouseId\":\"%s\",\"quantity\":%d}".formatted(UUID.randomUUID(), quantity)),
                422);
        expect(
                client.post(
                        batch(batch, "ship"),
                        fk,
                        "{\"warehouseId\":\"%s\",\"quantity\":%d}".formatted(warehouse.id(), quantity)),
                200);
        problem(wrong.post(batch(UUID.randomUUID().toString(), "start"), fk), 404);
        expect(client.get("/api/v1/factory/forecasts", fk), 200);
        expect(
                client.post(
                        "/api/v1/warehouse/receipts",
                        wk,
                        "{\"merchantId\":\"%s\",\"sku\":\"PRE\",\"quantity\":%d,\"batchId\":\"%s\"}"
                                .formatted(merchant.id(), quantity, batch)),
                201);
        settle();
        expect(client.get("/api/v1/production-requests", mk), 200);
        expect(client.get("/api/v1/production-requests?status=RECEIVED", mk), 200);
        expect(client.get("/api/v1/production-batches/" + batch, mk), 200);
        problem(wrong.get("/api/v1/production-batches/" + UUID.randomUUID(), mk), 404);
        expect(client.get("/api/v1/production/batches/" + batch + "/orders", mk), 200);
        problem(wrong.get("/api/v1/production/batches/" + UUID.randomUUID() + "/orders", mk), 404);
        expect(client.get("/api/v1/stock/PRE", mk), 200);
        expect(client.get("/api/v1/orders/" + delivered, mk), 200);
        expect(client.get("/api/v1/live-streams/" + stream, mk), 200);
        // the war room's figures, once as JSON and once as an event stream
        expect(client.get("/api/v1/live-streams/" + stream + "/war-room", mk), 200);
        var events = expect(
                client.get(
                        "/api/v1/live-streams/" + stream + "/war-room/events?once=true",
                        mk,
                        Map.of("Accept", "text/event-stream")),
                200);
        assertThat(events.contentType()).startsWith("text/event-stream");
        assertThat(events.body()).startsWith("event:figures");
        problem(wrong.get("/api/v1/live-streams/" + stream + "/war-room", rival.apiKey()), 404);
        // the merchant's own notifications, replayed from the first event stored (an id before every other)
        var notifications = expect(
                client.get(
                        "/api/v1/me/events?once=true&types=order.status_changed",
                        mk,
                        Map.of("Accept", "text/event-stream", "Last-Event-ID", "0.0")),
                200);
        assertThat(notifications.body()).contains("event:order.status_changed");
        problem(
                wrong.get(
                        "/api/v1/live-streams/" + stream + "/war-room/events?once=maybe",
                        mk,
                        Map.of("Accept", "text/event-stream")),
                400);

        // the same questions as of a moment, answered from the events
        Instant asOf = Instant.now();
        expect(client.get("/api/v1/stock/PRE?asOf=" + asOf, mk), 200);
        expect(client.get("/api/v1/live-streams/" + stream + "?asOf=" + asOf, mk), 200);
        var notAnInstant = problem(wrong.get("/api/v1/stock/PRE?asOf=yesterday", mk), 400);
        assertThat(notAnInstant.json().path("errors").get(0).path("field").asString())
                .isEqualTo("asOf");
        problem(wrong.get("/api/v1/live-streams/" + stream + "?asOf=" + asOf.plus(1, ChronoUnit.HOURS), mk), 400);
        problem(wrong.get("/api/v1/stock/PRE?asOf=" + now.minus(1, ChronoUnit.DAYS), mk), 404);
        problem(wrong.get("/api/v1/live-streams/" + stream + "?asOf=" + now.minus(1, ChronoUnit.DAYS), mk), 404);
        problem(wrong.get("/api/v1/live-streams/" + stream + "?asOf=" + asOf, rival.apiKey()), 404);

        // then every answer was what the document says
        assertThat(contract.mismatches())
                .as("answers that the document does not describe:\n%s", String.join("\n\n", contract.mismatches()))
                .isEmpty();
        // and every operation was seen succeeding, and the typical errors were all seen
        Map<String, Set<Integer>> seen = contract.seen();
        for (String operation : contract.operations()) {
            assertThat(seen.getOrDefault(operation, Set.of()))
                    .as("%s answered 2xx at least once (seen: %s)", operation, seen.get(operation))
                    .anyMatch(status -> status >= 200 && status < 300);
        }
        Set<Integer> statuses =
                seen.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(statuses).contains(400, 401, 403, 404, 406, 409, 413, 415, 422);
    }

    @Test
    void the_document_names_every_problem_type_of_the_catalogue_and_no_other() {
        // given the types docs/problems.md lists, with their status
        Map<String, Integer> catalogue = ProblemCatalogue.types();

        // when the document's responses are read for the types they name
        Map<String, Set<Integer>> named = new HashMap<>();
        contract.document()
                .path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> operation
                                .getValue()
                                .path("responses")
                                .properties()
                                .forEach(response -> Contract.namedTypes(response.getValue()
                                                .path("description")
                                                .asString(""))
                                        .forEach(type -> named.computeIfAbsent(type, any -> new TreeSet<>())
                                                .add(Integer.valueOf(response.getKey()))))));

        // then each type is named under its own status, and every type named is in the catalogue
        catalogue.forEach((type, status) -> {
            if (!TYPES_OF_NO_OPERATION.contains(type)) {
                assertThat(named.getOrDefault(type, Set.of()))
                        .as("the document names %s under %d", type, status)
                        .containsExactly(status);
            }
        });
        assertThat(catalogue.keySet()).containsAll(named.keySet());
    }

    @Test
    void the_document_is_valid_openapi_and_describes_only_the_api() {
        // when the document is parsed and validated as OpenAPI
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);

        // then it is valid, and holds the API's paths only
        assertThat(parsed.getMessages()).isEmpty();
        JsonNode doc = contract.document();
        assertThat(doc.path("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"));
        // and every operation has a summary and a unique id, and every error is problem+json with a request id
        List<String> operationIds = new ArrayList<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    String operation = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    JsonNode op = entry.getValue();
                    assertThat(op.path("summary").asString(""))
                            .as("summary of %s", operation)
                            .isNotBlank();
                    operationIds.add(op.path("operationId").asString());
                    assertThat(op.path("responses").propertyNames())
                            .as("responses of %s", operation)
                            .contains("400", "401", "403", "429", "500", "503")
                            .anyMatch(status -> status.startsWith("2"));
                    op.path("responses").properties().forEach(response -> {
                        String status = response.getKey();
                        JsonNode answer = response.getValue();
                        assertThat(answer.path("headers").has("X-Request-Id"))
                                .as("%s %s names X-Request-Id", operation, status)
                                .isTrue();
                        if (status.startsWith("4") || status.startsWith("5")) {
                            assertThat(answer.path("content").propertyNames())
                                    .as("%s %s is problem+json", operation, status)
                                    .containsExactly("application/problem+json");
                        }
                    });
                }));
        assertThat(operationIds).doesNotHaveDuplicates();
    }

    private Api.Registered register(String kind, String json) {
        var registered = expect(client.post("/api/v1/admin/" + kind, OPERATOR, json, key()), 201);
        assertThat(registered.header("Location")).startsWith("/api/v1/admin/participants/");
        return new Api.Registered(
                registered.json().get("id").asString(),
                registered.json().get("apiKey").asString());
    }

    private String place(String merchantKey, String stream, String buyer, String sku) {
        return expect(client.post("/api/v1/orders", merchantKey, order(stream, buyer, sku, 1), key()), 201)
                .json()
                .get("id")
                .asString();
    }

    /** The id of the factory's open request for a SKU. */
    private String requestFor(String factoryKey, String sku) {
        JsonNode requests = expect(client.get("/api/v1/factory/production-requests?status=REQUESTED", factoryKey), 200)
                .json();
        for (JsonNode request : requests) {
            if (sku.equals(request.path("sku").asString())) {
                return request.path("id").asString();
            }
        }
        throw new AssertionError("no open production request for " + sku + ": " + requests);
    }

    /** Waits until every event processor has handled every event, also those that the handling itself caused. */
    private void settle() {
        long head;
        do {
            head = eventStore.createHeadToken().position().orElse(0);
            ReadModels.awaitCaughtUp(eventStore, processing);
        } while (eventStore.createHeadToken().position().orElse(0) != head);
    }

    private static Api.Response expect(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static Api.Response problem(Api.Response response, int status) {
        expect(response, status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response;
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static String product(String sku, String factoryId) {
        return "{\"sku\":\"%s\",\"name\":\"Product %s\",\"factoryId\":\"%s\",\"batchSize\":10,\"leadTimeHours\":24}"
                .formatted(sku, sku, factoryId);
    }

    private static String receipt(String merchantId, String sku, int quantity) {
        return "{\"merchantId\":\"%s\",\"sku\":\"%s\",\"quantity\":%d}".formatted(merchantId, sku, quantity);
    }

    private static String liveStream(Instant now, String offers) {
        return """
                {"title":"Flash sale","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":60,"offers":[%s]}""".formatted(now, now.plus(2, ChronoUnit.HOURS), offers);
    }

    private static String order(String stream, String buyer, String sku, int quantity) {
        return """
                {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":%d}],\
                "shippingAddress":{"zone":"north","line1":"2 Elm St","city":"Springfield","recipient":"%s"}}""".formatted(stream, buyer, sku, quantity, buyer);
    }

    private static String payment(String amount, String reference) {
        return "{\"amount\":%s,\"reference\":\"%s\"}".formatted(amount, reference);
    }

    private static String acceptance(int quantity, Instant now) {
        return "{\"committedQuantity\":%d,\"expectedCompletionAt\":\"%s\"}"
                .formatted(quantity, now.plus(2, ChronoUnit.DAYS));
    }

    private static String pack(String orderId) {
        return "/api/v1/warehouse/orders/" + orderId + "/pack";
    }

    private static String delivery(String deliveryId, String step) {
        return "/api/v1/courier/deliveries/" + deliveryId + "/" + step;
    }

    private static String batch(String batchId, String step) {
        return "/api/v1/factory/batches/" + batchId + "/" + step;
    }
}
