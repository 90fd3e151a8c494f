package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error the platform can produce is problem+json with a stable type, and never a 5xx for bad input. */
class ProblemDetailsIT extends PlatformIT {

    @Test
    void unknown_route() {
        var response = api().get("/api/v1/admin/no-such-thing", Api.OPERATOR_KEY);
        assertProblem(response, 404, "not-found");
    }

    @Test
    void unknown_participant() {
        var response = api().get("/api/v1/admin/participants/00000000-0000-0000-0000-00000000abcd", Api.OPERATOR_KEY);
        assertProblem(response, 404, "not-found");
    }

    @Test
    void a_nul_character_in_any_text_is_refused_before_it_can_become_an_event() {
        // PostgreSQL text cannot hold U+0000: stored in an event, it would stall the read models after it
        var participant = api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\":\"Acme\\u0000\"}");
        assertProblem(participant, 400, "validation-failed");
        var merchant = api().register("merchants", "{\"name\":\"Nul\"}");
        var order = api().post("/api/v1/orders", merchant.apiKey(), """
                {"liveStreamId":"00000000-0000-0000-0000-000000000001","buyerId":"b","lines":[{"sku":"X","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"Ann\\u0000"}}""", Map.of("Idempotency-Key", "nul-1"));
        assertProblem(order, 400, "validation-failed");
        assertThat(order.body()).contains("shippingAddress.recipient");
    }

    @Test
    void malformed_path_variable() {
        var response = api().get("/api/v1/admin/participants/not-a-uuid", Api.OPERATOR_KEY);
        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void malformed_cursor() {
        var merchant = api().register("merchants", "{\"name\":\"Cursor\"}");
        var response = api().get("/api/v1/orders?cursor=bm90LWEtY3Vyc29y", merchant.apiKey());
        assertProblem(response, 400, "invalid-cursor");
    }

    @Test
    void wrong_method() {
        var response = api().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/merchants"))
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json"),
                        Api.OPERATOR_KEY,
                        Map.of());
        assertProblem(response, 405, "method-not-allowed");
    }

    @Test
    void wrong_media_type() {
        var response = api().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/merchants"))
                                .POST(HttpRequest.BodyPublishers.ofString("name=Acme"))
                                .header("Content-Type", "application/x-www-form-urlencoded"),
                        Api.OPERATOR_KEY,
                        Map.of());
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void malformed_json() {
        var response = api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\": ");
        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void wrong_json_type() {
        var response = api().post("/api/v1/admin/couriers", Api.OPERATOR_KEY, "{\"name\":\"Kai\",\"zones\":\"north\"}");
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oversize_body() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        var response = api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, huge);
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void container_level_error_for_an_invalid_request_target() throws IOException {
        // a raw request Java's HTTP client refuses to send: Tomcat rejects it before the application
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer).contains("\"type\":\"https://livechain.io/problems/malformed-request\"");
            // it never reached the filters, and still names itself
            assertThat(answer).containsPattern("(?i)X-Request-Id: [0-9a-f-]{36}");
            assertThat(answer).containsPattern("\"correlationId\":\"[0-9a-f-]{36}\"");
        }
    }

    @Test
    void a_missing_number_is_named_in_the_problem() {
        // given a product without its leadTimeHours
        var merchant = api().register("merchants", "{\"name\":\"Named\"}");
        var factory = api().register("factories", "{\"name\":\"Named plant\"}");

        // when it is sent
        var response = api().post("/api/v1/products", merchant.apiKey(), """
                {"sku":"NAMED","name":"Named","factoryId":"%s","batchSize":10}""".formatted(factory.id()));

        // then the problem names the field
        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("leadTimeHours");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be a whole number");
    }

    @Test
    void a_text_where_a_number_belongs_in_an_order_names_the_line() {
        var merchant = api().register("merchants", "{\"name\":\"Lines\"}");
        var response = api().post("/api/v1/orders", merchant.apiKey(), """
                {"liveStreamId":"00000000-0000-0000-0000-000000000001","buyerId":"b","lines":[{"sku":"X","quantity":"two"}],
                 "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""", Map.of("Idempotency-Key", "named-1"));
        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("lines[0].quantity");
    }

    @Test
    void a_query_parameter_out_of_range_is_named() {
        var merchant = api().register("merchants", "{\"name\":\"Limits\"}");
        var response = api().get("/api/v1/orders?limit=0", merchant.apiKey());
        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
    }

    @Test
    void a_rule_the_desk_refuses_answers_with_the_requests_correlation_id() {
        // given a product naming a factory that does not exist, sent with a request id of the client's
        var merchant = api().register("merchants", "{\"name\":\"Correlated\"}");

        // when the desk refuses it
        var response =
                api().post("/api/v1/products", merchant.apiKey(), """
                {"sku":"C1","name":"C","factoryId":"00000000-0000-0000-0000-000000000009","batchSize":1,"leadTimeHours":1}""", Map.of("X-Request-Id", "client-request-42"));

        // then the problem carries that id, like every other problem
        assertProblem(response, 422, "unknown-factory");
        assertThat(response.header("X-Request-Id")).isEqualTo("client-request-42");
        assertThat(response.json().get("correlationId").asString()).isEqualTo("client-request-42");
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo(type);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        // every problem names the request it answers
        assertThat(response.json().path("correlationId").asString("")).isEqualTo(response.header("X-Request-Id"));
    }
}
