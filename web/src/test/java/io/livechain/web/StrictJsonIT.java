package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request bodies are read as sent: a fraction where a whole number belongs is not truncated, a number or a boolean
 * where text belongs is not turned into text, text where a number belongs is not parsed. Each is a 400
 * validation-failed naming the field, on the lean order path and on every other endpoint, and writes nothing.
 */
class StrictJsonIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_order_with_a_fractional_quantity_is_refused_not_truncated() {
        var merchant = api().register("merchants", "{\"name\":\"Strict\"}");
        long events = events();
        assertField(order(merchant, "\"buyer-1\"", "1.9", "\"north\""), "lines[0].quantity");
        assertField(order(merchant, "\"buyer-1\"", "1.0", "\"north\""), "lines[0].quantity");
        assertField(order(merchant, "\"buyer-1\"", "\"2\"", "\"north\""), "lines[0].quantity");
        assertField(order(merchant, "\"buyer-1\"", "true", "\"north\""), "lines[0].quantity");
        assertField(order(merchant, "\"buyer-1\"", "99999999999", "\"north\""), "lines[0].quantity");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void an_order_with_a_number_or_a_boolean_for_text_is_refused() {
        var merchant = api().register("merchants", "{\"name\":\"Strict\"}");
        long events = events();
        assertField(order(merchant, "42", "1", "\"north\""), "buyerId");
        assertField(order(merchant, "true", "1", "\"north\""), "buyerId");
        assertField(order(merchant, "\"buyer-1\"", "1", "7"), "shippingAddress.zone");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void every_other_endpoint_refuses_values_of_the_wrong_kind_naming_the_field() {
        var merchant = api().register("merchants", "{\"name\":\"Strict\"}");
        var factory = api().register("factories", "{\"name\":\"Plant\"}");
        var warehouse = api().register("warehouses", "{\"name\":\"DC\",\"zone\":\"north\"}");
        long events = events();
        // text where a name belongs
        assertField(api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\":123}"), "name");
        assertField(api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\":true}"), "name");
        assertField(
                api().post("/api/v1/admin/couriers", Api.OPERATOR_KEY, "{\"name\":\"Kai\",\"zones\":[\"north\",7]}"),
                "zones[1]");
        // fractions, text and booleans where whole numbers belong
        String product = "{\"sku\":\"S-1\",\"name\":\"P\",\"factoryId\":\"%s\",\"batchSize\":%s,\"leadTimeHours\":%s}";
        assertField(
                api().post("/api/v1/products", merchant.apiKey(), product.formatted(factory.id(), "1.5", "1")),
                "batchSize");
        assertField(
                api().post("/api/v1/products", merchant.apiKey(), product.formatted(factory.id(), "10", "\"24\"")),
                "leadTimeHours");
        assertField(
                api().post(
                                "/api/v1/warehouse/receipts",
                                warehouse.apiKey(),
                                "{\"merchantId\":\"%s\",\"sku\":\"S-1\",\"quantity\":2.5}".formatted(merchant.id())),
                "quantity");
        // text where a boolean or a number belongs, a number where an instant belongs
        String stream = """
                {"title":"T","startsAt":%s,"endsAt":"2030-01-01T01:00:00Z","paymentWindowMinutes":30,
                 "offers":[{"sku":"S-1","price":%s,"quantity":1,"perBuyerLimit":1,"allowBackorder":%s}]}""";
        assertField(
                api().post(
                                "/api/v1/live-streams",
                                merchant.apiKey(),
                                stream.formatted("\"2030-01-01T00:00:00Z\"", "19.90", "\"true\"")),
                "offers[0].allowBackorder");
        assertField(
                api().post(
                                "/api/v1/live-streams",
                                merchant.apiKey(),
                                stream.formatted("\"2030-01-01T00:00:00Z\"", "\"19.90\"", "false")),
                "offers[0].price");
        assertField(
                api().post("/api/v1/live-streams", merchant.apiKey(), stream.formatted("1893456000", "19.90", "false")),
                "startsAt");
        assertThat(events()).isEqualTo(events);
    }

    private Api.Response order(Api.Registered merchant, String buyerId, String quantity, String zone) {
        return api().post(
                        "/api/v1/orders",
                        merchant.apiKey(),
                        """
                        {"liveStreamId":"%s","buyerId":%s,"lines":[{"sku":"S-1","quantity":%s}],
                         "shippingAddress":{"zone":%s,"line1":"1 Main St","city":"Springfield","recipient":"Ann"}}""".formatted(UUID.randomUUID(), buyerId, quantity, zone),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("validation-failed");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }
}
