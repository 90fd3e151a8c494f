package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /stock/{sku}?asOf=} and {@code GET /live-streams/{id}?asOf=} answer from the events, as things stood at
 * that moment. A sale is played step by step; after each step, once everything reacting to it is done, the current
 * answers are kept with the moment they were given at. Afterwards, each moment asked about with {@code asOf} must
 * answer exactly what was answered then, and a few of those moments are checked number by number.
 */
class TimeTravelIT extends PlatformIT {

    /** What the platform answered at one moment: each path's status and body. */
    private record Moment(String name, Instant at, Map<String, Api.Response> answers) {}

    private final List<Moment> moments = new ArrayList<>();
    private SalesScenario sales;
    private String stream;

    @Test
    void stock_and_live_streams_answer_as_of_each_moment_what_they_answered_then() {
        // given a merchant with two warehouses, and a rival merchant
        sales = new SalesScenario(api());
        var rival = api().register("merchants", "{\"name\":\"Rival Live\"}");
        String mk = sales.merchant.apiKey();
        Moment nothingYet = moment("nothing yet");

        // when the sale is played step by step, each moment kept with what was answered then
        sales.product("LIP");
        sales.product("PRE");
        Moment defined = moment("products defined");
        sales.receive(sales.northWarehouse, "LIP", 8);
        sales.receive(sales.southWarehouse, "LIP", 4);
        Moment stocked = moment("stocked");
        stream = schedule();
        Moment scheduled = moment("scheduled");
        ok(api().post("/api/v1/live-streams/" + stream + "/start", mk, "{}"));
        moment("on air");
        String first = placed(sales.order(stream, "buyer-1", "LIP", 3, key(), "north"));
        moment("first order");
        String second = placed(sales.order(stream, "buyer-2", "LIP", 3, key(), "south"));
        moment("second order");
        placed(sales.order(stream, "buyer-3", "LIP", 3, key(), "north"));
        Moment lastThree = moment("the host says: last three");
        placed(sales.order(stream, "buyer-4", "PRE", 2, key(), "north"));
        Moment preSale = moment("a pre-sale order waits");
        ok(api().post("/api/v1/orders/" + first + "/cancel", mk, "{\"reason\":\"changed my mind\"}"));
        Moment cancelled = moment("the first order is cancelled");
        ok(api().post("/api/v1/orders/" + second + "/payments", mk, "{\"amount\":30.00,\"reference\":\"psp-2\"}"));
        ok(api().post(
                        "/api/v1/warehouse/orders/" + second + "/pack",
                        sales.southWarehouse.apiKey(),
                        "{\"parcels\":1}"));
        Moment packed = moment("the second order is packed");
        Batch batch = produceAndShip("PRE");
        Moment inbound = moment("the pre-sale batch is on its way");
        ok(api().post(
                        "/api/v1/warehouse/receipts",
                        sales.northWarehouse.apiKey(),
                        "{\"merchantId\":\"%s\",\"sku\":\"PRE\",\"quantity\":%d,\"batchId\":\"%s\"}"
                                .formatted(sales.merchant.id(), batch.quantity(), batch.id())));
        Moment received = moment("the batch is received");
        ok(api().post("/api/v1/live-streams/" + stream + "/end", mk, "{}"));
        moment("off air");

        // then every moment asked about answers what was answered then
        for (Moment moment : moments) {
            moment.answers().forEach((path, then) -> {
                Api.Response asOf = api().get(path + "?asOf=" + moment.at(), mk);
                assertThat(asOf.status())
                        .as("%s as of %s (%s): %s", path, moment.name(), moment.at(), asOf.body())
                        .isEqualTo(then.status());
                if (then.status() == 200) {
                    assertThat(asOf.json())
                            .as("%s as of %s (%s)", path, moment.name(), moment.at())
                            .isEqualTo(then.json());
                }
            });
        }
        // and now is the current answer
        ReadModels.awaitQuiet(context);
        Instant now = Instant.now();
        for (String path : List.of("/api/v1/stock/LIP", "/api/v1/stock/PRE", "/api/v1/live-streams/" + stream)) {
            assertThat(ok(api().get(path + "?asOf=" + now, mk)).json())
                    .as(path)
                    .isEqualTo(ok(api().get(path, mk)).json());
        }

        // and, number by number: before the product, nothing; once defined, an empty stock
        assertThat(api().get("/api/v1/stock/LIP?asOf=" + nothingYet.at(), mk).status())
                .isEqualTo(404);
        assertThat(stock("LIP", defined).get("warehouses")).isEmpty();
        assertThat(stock("LIP", stocked).get("warehouses")).hasSize(2);
        // before the stream was scheduled it did not exist; then it was scheduled, not live
        assertThat(api().get("/api/v1/live-streams/" + stream + "?asOf=" + stocked.at(), mk)
                        .status())
                .isEqualTo(404);
        assertThat(liveStream(scheduled).get("status").asString()).isEqualTo("SCHEDULED");
        // how many were left when the host said "last three": three of the offer, at north 2 and at south 1
        JsonNode lip = offer(liveStream(lastThree), "LIP");
        assertThat(lip.get("admitted").asInt()).isEqualTo(9);
        assertThat(lip.get("reserved").asInt()).isEqualTo(9);
        assertThat(lip.get("remaining").asInt()).isEqualTo(3);
        assertThat(liveStream(lastThree).get("status").asString()).isEqualTo("LIVE");
        assertThat(levels(stock("LIP", lastThree), sales.northWarehouse)).containsExactly(8, 6, 2);
        assertThat(levels(stock("LIP", lastThree), sales.southWarehouse)).containsExactly(4, 3, 1);
        // a pre-sale order waits for stock
        assertThat(stock("PRE", preSale).get("backordered").asInt()).isEqualTo(2);
        assertThat(offer(liveStream(preSale), "PRE").get("backordered").asInt()).isEqualTo(2);
        // the cancelled order gave its units back to the offer and to north
        assertThat(offer(liveStream(cancelled), "LIP").get("remaining").asInt()).isEqualTo(6);
        assertThat(levels(stock("LIP", cancelled), sales.northWarehouse)).containsExactly(8, 3, 5);
        // the packed order left south, and still holds its units of the offer
        assertThat(levels(stock("LIP", packed), sales.southWarehouse)).containsExactly(1, 0, 1);
        assertThat(offer(liveStream(packed), "LIP").get("reserved").asInt()).isEqualTo(6);
        // the batch was inbound, then received, and filled the waiting order
        assertThat(stock("PRE", inbound).get("inbound").asInt()).isEqualTo(batch.quantity());
        assertThat(stock("PRE", received).get("inbound").asInt()).isZero();
        assertThat(stock("PRE", received).get("backordered").asInt()).isZero();
        assertThat(levels(stock("PRE", received), sales.northWarehouse))
                .containsExactly(batch.quantity(), 2, batch.quantity() - 2);
        assertThat(offer(liveStream(received), "PRE").get("reserved").asInt()).isEqualTo(2);

        // and another merchant sees none of it, at any moment
        for (Moment moment : List.of(lastThree, received)) {
            assertThat(api().get("/api/v1/stock/LIP?asOf=" + moment.at(), rival.apiKey())
                            .status())
                    .isEqualTo(404);
            assertThat(api().get("/api/v1/live-streams/" + stream + "?asOf=" + moment.at(), rival.apiKey())
                            .status())
                    .isEqualTo(404);
        }
        // even with a SKU of the same name: its own stock, not ours
        ok(api().post("/api/v1/products", rival.apiKey(), """
                {"sku":"LIP","name":"Rival lipstick","factoryId":"%s","batchSize":10,"leadTimeHours":24}""".formatted(sales.factory.id())));
        ReadModels.awaitQuiet(context);
        JsonNode rivals = ok(api().get("/api/v1/stock/LIP?asOf=" + Instant.now(), rival.apiKey()))
                .json();
        assertThat(rivals.get("warehouses")).isEmpty();
    }

    @Test
    void as_of_must_be_an_instant_that_has_come() {
        // given
        sales = new SalesScenario(api());
        sales.product("LIP");
        sales.product("PRE");
        String mk = sales.merchant.apiKey();
        stream = schedule();
        ReadModels.awaitQuiet(context);
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

        for (String path : List.of("/api/v1/stock/LIP", "/api/v1/live-streams/" + stream)) {
            for (String asOf :
                    List.of("yesterday", "2026-11-27", "2026-11-27T20:03:17", "1764273797", "", later.toString())) {
                // when
                Api.Response answer = api().get(path + "?asOf=" + asOf, mk);

                // then
                assertThat(answer.status())
                        .as("%s ?asOf=%s: %s", path, asOf, answer.body())
                        .isEqualTo(400);
                assertThat(answer.problemType()).isEqualTo("validation-failed");
                assertThat(answer.json().path("errors").get(0).path("field").asString())
                        .isEqualTo("asOf");
            }
            // an offset is an instant too
            assertThat(api().get(path + "?asOf=2000-01-01T01:00:00%2B01:00", mk).status())
                    .isEqualTo(404);
        }
    }

    /** After everything reacting to the last step is done: the current answers, and the moment they were given. */
    private Moment moment(String name) {
        ReadModels.awaitQuiet(context);
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        for (String path : paths()) {
            answers.put(path, api().get(path, sales.merchant.apiKey()));
        }
        Moment moment = new Moment(name, Instant.now(), answers);
        moments.add(moment);
        return moment;
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>(List.of("/api/v1/stock/LIP", "/api/v1/stock/PRE"));
        paths.add("/api/v1/live-streams/" + (stream == null ? UUID.randomUUID() : stream));
        return paths;
    }

    private String schedule() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return ok(api().post("/api/v1/live-streams", sales.merchant.apiKey(), """
                        {"title":"Friday drop","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":60,
                         "offers":[{"sku":"PRE","price":5.00,"quantity":50,"perBuyerLimit":5,"allowBackorder":true},
                                   {"sku":"LIP","price":10.00,"quantity":12,"perBuyerLimit":3,"allowBackorder":false}]}""".formatted(
                                now, now.plus(2, ChronoUnit.HOURS))))
                .json()
                .get("id")
                .asString();
    }

    private record Batch(String id, int quantity) {}

    /** The factory is asked for the SKU, accepts, makes and ships the whole batch to north. */
    private Batch produceAndShip(String sku) {
        String fk = sales.factory.apiKey();
        Batch batch = null;
        for (JsonNode request : ok(api().get("/api/v1/factory/production-requests?status=REQUESTED", fk))
                .json()) {
            if (sku.equals(request.get("sku").asString())) {
                batch = new Batch(
                        request.get("id").asString(), request.get("quantity").asInt());
            }
        }
        assertThat(batch).as("a production request for %s", sku).isNotNull();
        int quantity = batch.quantity();
        Instant done = Instant.now().plus(2, ChronoUnit.DAYS);
        String at = "/api/v1/factory/batches/" + batch.id();
        ok(api().post(
                        at + "/accept",
                        fk,
                        "{\"committedQuantity\":%d,\"expectedCompletionAt\":\"%s\"}".formatted(quantity, done)));
        ok(api().post(at + "/start", fk, "{}"));
        ok(api().post(
                        at + "/complete",
                        fk,
                        "{\"producedQuantity\":%d,\"qcPassedQuantity\":%d}".formatted(quantity, quantity)));
        ok(api().post(
                        at + "/ship",
                        fk,
                        "{\"warehouseId\":\"%s\",\"quantity\":%d}".formatted(sales.northWarehouse.id(), quantity)));
        return batch;
    }

    private JsonNode stock(String sku, Moment moment) {
        return ok(api().get("/api/v1/stock/" + sku + "?asOf=" + moment.at(), sales.merchant.apiKey()))
                .json();
    }

    private JsonNode liveStream(Moment moment) {
        return ok(api().get("/api/v1/live-streams/" + stream + "?asOf=" + moment.at(), sales.merchant.apiKey()))
                .json();
    }

    private static JsonNode offer(JsonNode liveStream, String sku) {
        for (JsonNode offer : liveStream.get("offers")) {
            if (sku.equals(offer.get("sku").asString())) {
                return offer;
            }
        }
        throw new AssertionError("no offer of " + sku + " in " + liveStream);
    }

    /** On hand, reserved and available at the warehouse. */
    private static List<Integer> levels(JsonNode stock, Api.Registered warehouse) {
        for (JsonNode level : stock.get("warehouses")) {
            if (warehouse.id().equals(level.get("warehouseId").asString())) {
                return List.of(
                        level.get("onHand").asInt(),
                        level.get("reserved").asInt(),
                        level.get("available").asInt());
            }
        }
        throw new AssertionError("no stock at " + warehouse.id() + " in " + stock);
    }

    private static String placed(Api.Response order) {
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json().get("id").asString();
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
