package io.livechain.web.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.ReadModels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.JsonNode;

/**
 * Two participants of every role, "ours" and "theirs", and one object of every type that is ours, each in the state
 * in which its endpoints would act on it: a live stream on air, an unpaid order, a paid order waiting to be packed, a
 * delivery picked up by our courier, another still offered, a production batch requested from our factory. Built
 * through the public API, so every id is real.
 */
final class World {

    static final String SKU = "HOSTILE-1";
    static final String PRE_SALE_SKU = "HOSTILE-2";
    /** A webhook subscription's body: a host that never resolves, so no delivery leaves the machine. */
    static final String WEBHOOK =
            "{\"url\":\"https://hooks.livechain.invalid/hook\",\"eventTypes\":[\"order.status_changed\"]}";

    final Api api;
    final Api.Registered merchant;
    final Api.Registered factory;
    final Api.Registered warehouse;
    final Api.Registered courier;
    final Api.Registered otherMerchant;
    final Api.Registered otherFactory;
    final Api.Registered otherWarehouse;
    final Api.Registered otherCourier;
    final String liveStream;
    final String unpaidOrder;
    final String paidOrder;
    final String pickedUpDelivery;
    /** A participant whose key the operator's key endpoints act on, and that key's id. */
    final Api.Registered spare;

    final String spareKeyId;
    final String pickedUpOrder;
    final String offeredDelivery;
    final String batch;
    /** A completion date a factory may commit to. */
    final String acceptBy;

    final String webhook;

    World(Api api, EventStore eventStore, EventProcessingConfiguration processing) {
        this.api = api;
        merchant = api.register("merchants", "{\"name\":\"Ours\"}");
        factory = api.register("factories", "{\"name\":\"Our plant\"}");
        warehouse = api.register("warehouses", "{\"name\":\"Our DC\",\"zone\":\"north\"}");
        courier = api.register("couriers", "{\"name\":\"Our courier\",\"zones\":[\"north\"]}");
        otherMerchant = api.register("merchants", "{\"name\":\"Theirs\"}");
        otherFactory = api.register("factories", "{\"name\":\"Their plant\"}");
        otherWarehouse = api.register("warehouses", "{\"name\":\"Their DC\",\"zone\":\"south\"}");
        otherCourier = api.register("couriers", "{\"name\":\"Their courier\",\"zones\":[\"south\"]}");
        spare = api.register("merchants", "{\"name\":\"Spare\"}");
        spareKeyId = api.get("/api/v1/admin/participants/" + spare.id() + "/api-keys", Api.OPERATOR_KEY)
                .json()
                .get(0)
                .get("id")
                .asString();

        created(api.post("/api/v1/products", merchant.apiKey(), product(SKU)));
        created(api.post("/api/v1/products", merchant.apiKey(), product(PRE_SALE_SKU)));
        acceptBy = now().plus(2, ChronoUnit.DAYS).toString();
        api.link(warehouse, merchant);
        created(api.post("/api/v1/warehouse/receipts", warehouse.apiKey(), """
                {"merchantId":"%s","sku":"%s","quantity":100}""".formatted(merchant.id(), SKU)));
        Instant now = now();
        liveStream = created(api.post("/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"Hostile","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":600,
                         "offers":[{"sku":"%s","price":10.00,"quantity":100,"perBuyerLimit":10,"allowBackorder":false},
                                   {"sku":"%s","price":5.00,"quantity":100,"perBuyerLimit":10,"allowBackorder":true}]}""".formatted(
                                now, now.plus(6, ChronoUnit.HOURS), SKU, PRE_SALE_SKU)))
                .get("id")
                .asString();
        ok(api.post("/api/v1/live-streams/" + liveStream + "/start", merchant.apiKey(), "{}"));

        unpaidOrder = order(SKU, "unpaid");
        paidOrder = paid(order(SKU, "paid"));
        pickedUpOrder = paid(order(SKU, "picked-up"));
        String offeredOrder = paid(order(SKU, "offered"));
        order(PRE_SALE_SKU, "pre-sale"); // a backorder: replenishment asks our factory for a batch
        ReadModels.awaitCaughtUp(eventStore, processing);
        pickedUpDelivery = packed(pickedUpOrder);
        offeredDelivery = packed(offeredOrder);
        ReadModels.awaitCaughtUp(eventStore, processing);
        ok(api.post("/api/v1/courier/deliveries/" + pickedUpDelivery + "/claim", courier.apiKey(), "{}"));
        ok(api.post("/api/v1/courier/deliveries/" + pickedUpDelivery + "/pickup", courier.apiKey(), "{}"));
        ReadModels.awaitCaughtUp(eventStore, processing);
        JsonNode requests =
                api.get("/api/v1/factory/production-requests", factory.apiKey()).json();
        assertThat(requests.size()).as("production requests of our factory").isEqualTo(1);
        batch = requests.get(0).get("id").asString();
        webhook = created(api.post("/api/v1/me/webhooks", merchant.apiKey(), WEBHOOK))
                .get("id")
                .asString();
    }

    /** Every id and name of ours that another participant must never learn about. */
    List<String> ours() {
        return List.of(
                liveStream,
                unpaidOrder,
                paidOrder,
                pickedUpOrder,
                pickedUpDelivery,
                offeredDelivery,
                batch,
                webhook,
                merchant.id(),
                SKU,
                PRE_SALE_SKU);
    }

    /** A valid definition of a product of ours, made by our factory. */
    String product(String sku) {
        return """
                {"sku":"%s","name":"Product %s","factoryId":"%s","batchSize":10,"leadTimeHours":24}""".formatted(sku, sku, factory.id());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private String order(String sku, String buyer) {
        return created(api.post(
                        "/api/v1/orders",
                        merchant.apiKey(),
                        """
                        {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":1}],
                         "shippingAddress":{"zone":"north","line1":"1 Main St","city":"Springfield","recipient":"Ann"}}""".formatted(liveStream, buyer, sku),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())))
                .get("id")
                .asString();
    }

    private String paid(String order) {
        ok(api.post(
                "/api/v1/orders/" + order + "/payments",
                merchant.apiKey(),
                "{\"amount\":10.00,\"reference\":\"psp-" + order + "\"}"));
        return order;
    }

    private String packed(String order) {
        return ok(api.post("/api/v1/warehouse/orders/" + order + "/pack", warehouse.apiKey(), "{\"parcels\":1}"))
                .get("deliveryId")
                .asString();
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
