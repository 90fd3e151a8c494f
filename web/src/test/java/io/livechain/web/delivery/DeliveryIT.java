package io.livechain.web.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.delivery.event.ClaimExpired;
import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(
        properties = {
            "livechain.delivery.claim-timeout=PT4S",
            "livechain.delivery.reclaim-cooldown=PT1H",
            "livechain.delivery.max-open-claims=2"
        })
class DeliveryIT extends PlatformIT {

    @Autowired
    EventStore eventStore;

    @Test
    void a_paid_order_is_packed_claimed_by_one_courier_and_delivered_with_proof() throws Exception {
        // given a paid order, packed at the warehouse
        var scenario = new DeliveryScenario(api(), context, "DLV-1");
        String[] packed = scenario.packedOrder("DLV-1", "alice");
        String orderId = packed[0];
        String deliveryId = packed[1];
        scenario.awaitOrderStatus(orderId, "PACKED");
        // the merchant has the buyer's delivery code with the order
        String code = scenario.deliveryCode(orderId);
        assertThat(code).matches("[0-9]{6}");
        // then couriers of the zone see the offer (without the code), a courier elsewhere does not
        scenario.caughtUp();
        assertThat(scenario.offered(scenario.courierA, deliveryId)).isTrue();
        assertThat(scenario.offered(scenario.courierB, deliveryId)).isTrue();
        assertThat(api().get("/api/v1/courier/offers", scenario.courierA.apiKey())
                        .body())
                .doesNotContain(code)
                .doesNotContain("\"code\"");
        assertThat(scenario.offered(scenario.farCourier, deliveryId)).isFalse();
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/claim", scenario.farCourier.apiKey(), "{}")
                        .status())
                .isEqualTo(404);

        // when two couriers race, 10 claims each
        List<Api.Response> a = new ArrayList<>();
        List<Api.Response> b = new ArrayList<>();
        race(deliveryId, scenario.courierA, a, scenario.courierB, b);
        // then exactly one of them has it; every claim of the other is 409
        boolean aWon = a.stream().anyMatch(r -> r.status() == 200);
        boolean bWon = b.stream().anyMatch(r -> r.status() == 200);
        assertThat(aWon ^ bWon).as("exactly one courier wins").isTrue();
        List<Api.Response> losers = aWon ? b : a;
        assertThat(losers).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.problemType()).isEqualTo("delivery-already-claimed");
        });
        Api.Registered winner = aWon ? scenario.courierA : scenario.courierB;
        Api.Registered loser = aWon ? scenario.courierB : scenario.courierA;

        // and the loser cannot act on it (404), the winner picks it up and delivers it
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/pickup", loser.apiKey(), "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/pickup", winner.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        scenario.awaitOrderStatus(orderId, "OUT_FOR_DELIVERY");
        var noProof = api().post("/api/v1/courier/deliveries/" + deliveryId + "/deliver", winner.apiKey(), "{}");
        assertThat(noProof.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/courier/deliveries", winner.apiKey()).body())
                .doesNotContain(code)
                .doesNotContain("\"code\"");
        // a code that is not the buyer's is refused, naming the field, and changes nothing
        var wrongCode = scenario.deliver(winner, deliveryId, "4711");
        assertThat(wrongCode.status()).isEqualTo(422);
        assertThat(wrongCode.contentType()).startsWith("application/problem+json");
        assertThat(wrongCode.problemType()).isEqualTo("delivery-code-mismatch");
        assertThat(wrongCode.json().get("errors").get(0).get("field").asString())
                .isEqualTo("proof.code");
        assertThat(scenario.orderStatus(orderId)).isEqualTo("OUT_FOR_DELIVERY");
        // the buyer's code delivers it
        assertThat(scenario.deliver(winner, deliveryId, code).status()).isEqualTo(200);
        scenario.awaitOrderStatus(orderId, "DELIVERED");
        assertThat(api().get("/api/v1/courier/deliveries", winner.apiKey()).body())
                .contains(deliveryId, "DELIVERED");
        assertThat(api().get("/api/v1/courier/deliveries", loser.apiKey()).body())
                .doesNotContain(deliveryId);

        // and the timeline tells the whole story, each step with its actor
        JsonNode events = api().get("/api/v1/orders/" + orderId + "/timeline", scenario.merchant.apiKey())
                .json()
                .get("events");
        List<String> steps = new ArrayList<>();
        events.forEach(event -> steps.add(event.get("aggregateType").asString() + ":"
                + event.get("type").asString() + ":"
                + event.get("actor").get("role").asString()));
        assertThat(steps)
                .containsSubsequence(
                        "LiveStream:OrderAdmitted:MERCHANT",
                        "Inventory:StockReserved:MERCHANT",
                        "Order:OrderPlaced:MERCHANT",
                        "Order:OrderPaid:MERCHANT",
                        "Order:OrderPacked:WAREHOUSE",
                        "Inventory:StockShipped:WAREHOUSE",
                        "Delivery:DeliveryOffered:WAREHOUSE",
                        "Delivery:DeliveryClaimed:COURIER",
                        "Delivery:DeliveryPickedUp:COURIER",
                        "Delivery:DeliveryCompleted:COURIER",
                        "Order:OrderDelivered:SYSTEM");
        events.forEach(event -> {
            if (event.get("actor").get("role").asString().equals("COURIER")) {
                assertThat(event.get("actor").get("id").asString()).isEqualTo(winner.id());
            }
        });
        // the order follows its delivery by the platform's policy, caused by the courier's delivery
        JsonNode completed = null;
        JsonNode delivered = null;
        for (JsonNode event : events) {
            switch (event.get("type").asString()) {
                case "DeliveryCompleted" -> completed = event;
                case "OrderDelivered" -> delivered = event;
                default -> {}
            }
        }
        assertThat(delivered.get("causationId").asString())
                .isEqualTo(completed.get("eventId").asString());
        assertThat(delivered.get("correlationId").asString())
                .isEqualTo(completed.get("correlationId").asString());
    }

    @Test
    void three_failed_attempts_return_the_order_and_the_warehouse_takes_the_units_back() {
        var scenario = new DeliveryScenario(api(), context, "DLV-2");
        String[] packed = scenario.packedOrder("DLV-2", "bob");
        String orderId = packed[0];
        String deliveryId = packed[1];
        for (int attempt = 1; attempt <= 3; attempt++) {
            scenario.caughtUp();
            assertThat(scenario.offered(scenario.courierA, deliveryId)).isTrue();
            assertThat(api().post(
                                    "/api/v1/courier/deliveries/" + deliveryId + "/claim",
                                    scenario.courierA.apiKey(),
                                    "{}")
                            .status())
                    .isEqualTo(200);
            assertThat(api().post(
                                    "/api/v1/courier/deliveries/" + deliveryId + "/pickup",
                                    scenario.courierA.apiKey(),
                                    "{}")
                            .status())
                    .isEqualTo(200);
            assertThat(api().post(
                                    "/api/v1/courier/deliveries/" + deliveryId + "/fail",
                                    scenario.courierA.apiKey(),
                                    "{\"reason\":\"nobody home\"}")
                            .status())
                    .isEqualTo(200);
        }
        scenario.awaitOrderStatus(orderId, "RETURNED");
        assertThat(scenario.offered(scenario.courierA, deliveryId)).isFalse();
        int availableBefore = available(scenario, "DLV-2");
        assertThat(api().post(
                                "/api/v1/warehouse/orders/" + orderId + "/confirm-return",
                                scenario.warehouse.apiKey(),
                                "{}")
                        .status())
                .isEqualTo(200);
        scenario.caughtUp();
        assertThat(available(scenario, "DLV-2")).isEqualTo(availableBefore + 1);
    }

    @Test
    void a_claim_not_picked_up_in_time_is_offered_again() {
        var scenario = new DeliveryScenario(api(), context, "DLV-3");
        String deliveryId = scenario.packedOrder("DLV-3", "carol")[1];
        scenario.caughtUp();
        assertThat(scenario.offered(scenario.courierA, deliveryId)).isTrue();
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/claim", scenario.courierA.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        scenario.caughtUp();
        assertThat(scenario.offered(scenario.courierB, deliveryId)).isFalse();
        // after the 4 s claim timeout it is on offer again, and another courier can have it
        ReadModels.awaitEvent(eventStore, deliveryId, ClaimExpired.class);
        scenario.caughtUp();
        assertThat(scenario.offered(scenario.courierB, deliveryId)).isTrue();
        // the courier whose claim lapsed cannot take it again at once: the others have it first
        var again = scenario.claim(scenario.courierA, deliveryId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("reclaim-too-soon");
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/claim", scenario.courierB.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api().post("/api/v1/courier/deliveries/" + deliveryId + "/pickup", scenario.courierA.apiKey(), "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void another_warehouse_cannot_pack_and_an_unpaid_order_cannot_be_packed() {
        var scenario = new DeliveryScenario(api(), context, "DLV-4");
        var otherWarehouse = api().register("warehouses", "{\"name\":\"Other\",\"zone\":\"north\"}");
        String[] packed = scenario.packedOrder("DLV-4", "dan");
        assertThat(api().post(
                                "/api/v1/warehouse/orders/" + packed[0] + "/pack",
                                otherWarehouse.apiKey(),
                                "{\"parcels\":1}")
                        .status())
                .isEqualTo(404);
        var again = api().post(
                        "/api/v1/warehouse/orders/" + packed[0] + "/pack",
                        scenario.warehouse.apiKey(),
                        "{\"parcels\":1}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("deliveryId").asString()).isEqualTo(packed[1]);
    }

    @Test
    void a_courier_holds_no_more_open_claims_than_the_limit() {
        // given three packed orders in the zone, and a courier limited to two open claims
        var scenario = new DeliveryScenario(api(), context, "DLV-5");
        String[] first = scenario.packedOrder("DLV-5", "erin");
        String[] second = scenario.packedOrder("DLV-5", "fay");
        String[] third = scenario.packedOrder("DLV-5", "gus");
        assertThat(scenario.claim(scenario.courierA, first[1]).status()).isEqualTo(200);
        assertThat(scenario.claim(scenario.courierA, second[1]).status()).isEqualTo(200);
        // when it claims a third
        var overLimit = scenario.claim(scenario.courierA, third[1]);
        // then it is refused, and the delivery stays for another courier
        assertThat(overLimit.status()).isEqualTo(409);
        assertThat(overLimit.contentType()).startsWith("application/problem+json");
        assertThat(overLimit.problemType()).isEqualTo("claim-limit-reached");
        assertThat(scenario.claim(scenario.courierA, first[1]).status())
                .as("claiming what it holds is no new claim")
                .isEqualTo(200);
        // when it delivers one, it has room for another
        assertThat(api().post("/api/v1/courier/deliveries/" + first[1] + "/pickup", scenario.courierA.apiKey(), "{}")
                        .status())
                .isEqualTo(200);
        scenario.awaitOrderStatus(first[0], "OUT_FOR_DELIVERY");
        assertThat(scenario.deliver(scenario.courierA, first[1], scenario.deliveryCode(first[0]))
                        .status())
                .isEqualTo(200);
        assertThat(scenario.claim(scenario.courierA, third[1]).status()).isEqualTo(200);
    }

    private int available(DeliveryScenario scenario, String sku) {
        return api().get("/api/v1/stock/" + sku, scenario.merchant.apiKey())
                .json()
                .get("warehouses")
                .get(0)
                .get("available")
                .asInt();
    }

    private void race(
            String deliveryId,
            Api.Registered one,
            List<Api.Response> first,
            Api.Registered two,
            List<Api.Response> second)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> ones = new ArrayList<>();
        List<Future<Api.Response>> twos = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 10; i++) {
                ones.add(pool.submit(() -> {
                    start.await();
                    return api().post("/api/v1/courier/deliveries/" + deliveryId + "/claim", one.apiKey(), "{}");
                }));
                twos.add(pool.submit(() -> {
                    start.await();
                    return api().post("/api/v1/courier/deliveries/" + deliveryId + "/claim", two.apiKey(), "{}");
                }));
            }
            start.countDown();
            for (Future<Api.Response> f : ones) {
                first.add(f.get());
            }
            for (Future<Api.Response> f : twos) {
                second.add(f.get());
            }
        }
    }
}
