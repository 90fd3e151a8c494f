package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IdempotencyIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_answer_and_changes_nothing() {
        // given
        var key = Map.of("Idempotency-Key", "retry-1");
        var first = api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\":\"Once\"}", key);
        // when
        var retry = api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\":\"Once\"}", key);
        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.position()).isEqualTo(first.position());
        assertThat(registrationsNamed("Once")).isEqualTo(1);
    }

    @Test
    void a_replayed_registration_never_shows_or_stores_the_key_again() {
        var key = Map.of("Idempotency-Key", "secret-1");
        var first = api().post("/api/v1/admin/couriers", Api.OPERATOR_KEY, "{\"name\":\"K\",\"zones\":[\"z\"]}", key);
        var retry = api().post("/api/v1/admin/couriers", Api.OPERATOR_KEY, "{\"name\":\"K\",\"zones\":[\"z\"]}", key);
        String apiKey = first.json().get("apiKey").asString();
        assertThat(retry.json().has("apiKey")).isFalse();
        assertThat(retry.body()).doesNotContain(apiKey);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access.idempotent_request"
                                + " WHERE position(convert_to(?, 'UTF8') in response_body) > 0",
                        Integer.class,
                        apiKey))
                .isZero();
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        var key = Map.of("Idempotency-Key", "reuse-1");
        api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\":\"First\"}", key);
        var reused = api().post("/api/v1/admin/merchants", Api.OPERATOR_KEY, "{\"name\":\"Second\"}", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemType()).isEqualTo("idempotency-key-reused");
        assertThat(registrationsNamed("Second")).isZero();
    }

    @Test
    void keys_are_scoped_per_api_key() {
        var merchant = api().register("merchants", "{\"name\":\"Scope\"}");
        var key = Map.of("Idempotency-Key", "shared-key");
        var byOperator = api().post("/api/v1/admin/factories", Api.OPERATOR_KEY, "{\"name\":\"Plant A\"}", key);
        var byMerchant = api().post("/api/v1/admin/factories", merchant.apiKey(), "{\"name\":\"Plant A\"}", key);
        assertThat(byOperator.status()).isEqualTo(201);
        assertThat(byMerchant.status()).isEqualTo(403); // not a replay of the operator's answer
    }

    @Test
    void a_rejection_is_replayed_too_and_leaves_no_trace() {
        var key = Map.of("Idempotency-Key", "rejected-1");
        var first = api().post("/api/v1/admin/warehouses", Api.OPERATOR_KEY, "{\"name\":\"W\",\"zone\":\"a b\"}", key);
        var retry = api().post("/api/v1/admin/warehouses", Api.OPERATOR_KEY, "{\"name\":\"W\",\"zone\":\"a b\"}", key);
        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(registrationsNamed("W")).isZero();
    }

    @Test
    void a_rejected_command_with_a_key_is_answered_and_replayed_as_the_same_problem() {
        var merchant = api().register("merchants", "{\"name\":\"Rejected\"}");
        var key = Map.of("Idempotency-Key", "cancel-unknown-1");
        String path = "/api/v1/orders/" + java.util.UUID.randomUUID() + "/cancel";
        var first = api().post(path, merchant.apiKey(), "{\"reason\":\"x\"}", key);
        var retry = api().post(path, merchant.apiKey(), "{\"reason\":\"x\"}", key);
        assertThat(first.status()).isEqualTo(404);
        assertThat(retry.status()).isEqualTo(404);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void rejects_a_malformed_key() {
        var response = api().post(
                        "/api/v1/admin/merchants",
                        Api.OPERATOR_KEY,
                        "{\"name\":\"X\"}",
                        Map.of("Idempotency-Key", "has space"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("idempotency-key-invalid");
    }

    @Test
    void the_same_key_sent_ten_times_at_once_changes_state_once() throws Exception {
        // given
        int senders = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api().post(
                                    "/api/v1/admin/merchants",
                                    Api.OPERATOR_KEY,
                                    "{\"name\":\"Burst\"}",
                                    Map.of("Idempotency-Key", "burst-1"));
                }));
            }
            // when
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }
            // then
            assertThat(responses)
                    .allSatisfy(response -> assertThat(response.status()).isIn(201, 409));
            List<String> created = responses.stream()
                    .filter(response -> response.status() == 201)
                    .map(response -> response.json().get("id").asString())
                    .distinct()
                    .toList();
            assertThat(created).hasSize(1);
            responses.stream()
                    .filter(response -> response.status() == 409)
                    .forEach(response ->
                            assertThat(response.problemType()).isEqualTo("idempotency-request-in-progress"));
        }
        assertThat(registrationsNamed("Burst")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access.api_key WHERE role = 'MERCHANT'", Integer.class))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry"
                                + " WHERE convert_from(payload, 'UTF8') LIKE '%\"kind\":\"MERCHANT\"%'",
                        Integer.class));
    }

    private int registrationsNamed(String name) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?",
                Integer.class,
                "%\"name\":\"" + name + "\"%");
    }
}
