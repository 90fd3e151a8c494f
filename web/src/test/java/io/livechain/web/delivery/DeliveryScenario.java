package io.livechain.web.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.ReadModels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** A merchant selling from one warehouse, with couriers in and out of the buyers' zone, set up over the API. */
final class DeliveryScenario {

    final Api api;
    final ApplicationContext platform;
    final Api.Registered merchant;
    final Api.Registered warehouse;
    final Api.Registered courierA;
    final Api.Registered courierB;
    final Api.Registered farCourier;
    final String stream;

    DeliveryScenario(Api api, ApplicationContext platform, String sku) {
        this.api = api;
        this.platform = platform;
        merchant = api.register("merchants", "{\"name\":\"Shop\"}");
        var factory = api.register("factories", "{\"name\":\"F\"}");
        warehouse = api.register("warehouses", "{\"name\":\"DC\",\"zone\":\"north\"}");
        courierA = api.register("couriers", "{\"name\":\"Ada\",\"zones\":[\"north\",\"east\"]}");
        courierB = api.register("couriers", "{\"name\":\"Bo\",\"zones\":[\"north\"]}");
        farCourier = api.register("couriers", "{\"name\":\"Cy\",\"zones\":[\"south\"]}");
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
    }

    /** An order placed, paid, on the pick list and packed; returns its order id and delivery id. */
    String[] packedOrder(String sku, String buyer) {
        var placed = api.post(
                "/api/v1/orders",
                merchant.apiKey(),
                """
                {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"2 Elm St","city":"Springfield","recipient":"%s"}}""".formatted(stream, buyer, sku, buyer),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("id").asString();
        assertThat(api.post(
                                "/api/v1/orders/" + orderId + "/payments",
                                merchant.apiKey(),
                                "{\"amount\":12.50,\"reference\":\"pay-" + buyer + "\"}")
                        .status())
                .isEqualTo(200);
        caughtUp();
        assertThat(api.get("/api/v1/warehouse/pick-list", warehouse.apiKey()).body())
                .contains(orderId);
        var packed = api.post("/api/v1/warehouse/orders/" + orderId + "/pack", warehouse.apiKey(), "{\"parcels\":1}");
        assertThat(packed.status()).as(packed.body()).isEqualTo(200);
        return new String[] {orderId, packed.json().get("deliveryId").asString()};
    }

    String orderStatus(String orderId) {
        return api.get("/api/v1/orders/" + orderId, merchant.apiKey())
                .json()
                .get("status")
                .asString();
    }

    /** Once the platform is quiet (the order follows its delivery through a policy), the order has the status. */
    void awaitOrderStatus(String orderId, String status) {
        caughtUp();
        assertThat(orderStatus(orderId)).isEqualTo(status);
    }

    /** Every read model, saga and policy has handled everything stored so far, and what it caused. */
    void caughtUp() {
        ReadModels.awaitQuiet(platform);
    }

    /** The buyer's delivery code, as the merchant's view of the packed order shows it. */
    String deliveryCode(String orderId) {
        return api.get("/api/v1/orders/" + orderId, merchant.apiKey())
                .json()
                .get("delivery")
                .get("code")
                .asString();
    }

    /** Delivers with the buyer's code; the delivery must be picked up by this courier. */
    Api.Response deliver(Api.Registered courier, String deliveryId, String code) {
        return api.post(
                "/api/v1/courier/deliveries/" + deliveryId + "/deliver",
                courier.apiKey(),
                "{\"proof\":{\"recipientName\":\"Alice\",\"code\":\"%s\"}}".formatted(code));
    }

    Api.Response claim(Api.Registered courier, String deliveryId) {
        return api.post("/api/v1/courier/deliveries/" + deliveryId + "/claim", courier.apiKey(), "{}");
    }

    boolean offered(Api.Registered courier, String deliveryId) {
        return api.get("/api/v1/courier/offers", courier.apiKey()).body().contains(deliveryId);
    }
}
