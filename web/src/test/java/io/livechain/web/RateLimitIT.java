package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Each API key has its own allowance per kind of request; beyond it, 429 with Retry-After and nothing changes. */
@TestPropertySource(
        properties = {
            "livechain.rate-limit.reads.requests=3",
            "livechain.rate-limit.reads.per=1h",
            "livechain.rate-limit.orders.requests=2",
            "livechain.rate-limit.orders.per=1h",
            "livechain.rate-limit.writes.requests=2",
            "livechain.rate-limit.writes.per=1h"
        })
class RateLimitIT extends PlatformIT {

    private static final String ORDER = "{\"liveStreamId\":\"6f1c3e1e-0000-4000-8000-000000000001\",\"buyerId\":\"b\","
            + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"shippingAddress\":{\"zone\":\"north\",\"line1\":\"1 St\","
            + "\"city\":\"C\",\"recipient\":\"R\"}}";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_key_over_its_read_limit_gets_429_with_retry_after_and_others_are_not_held_back() {
        // given two merchants, one of which spent its reads
        var busy = api().register("merchants", "{\"name\":\"Busy\"}");
        var quiet = api().register("merchants", "{\"name\":\"Quiet\"}");
        for (int i = 0; i < 3; i++) {
            assertThat(api().get("/api/v1/orders", busy.apiKey()).status()).isEqualTo(200);
        }
        // when
        var limited = api().send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/api/v1/orders"))
                                .GET(),
                        busy.apiKey(),
                        Map.of("X-Request-Id", "flood-1"));
        // then
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.problemType()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.json().get("correlationId").asString()).isEqualTo("flood-1");
        assertThat(limited.json().get("detail").asString()).contains("3 reads requests per 1h");
        assertThat(api().get("/api/v1/orders", quiet.apiKey()).status()).isEqualTo(200);
        // and a key's other kinds of request have allowances of their own
        assertThat(api().post("/api/v1/live-streams/6f1c3e1e-0000-4000-8000-000000000001/start", busy.apiKey(), "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_order_path_has_its_own_limit_and_a_limited_order_changes_nothing() {
        // given a merchant that spent its two orders (both refused: no such stream)
        var merchant = api().register("merchants", "{\"name\":\"Orders\"}");
        for (int i = 0; i < 2; i++) {
            var order = api().post("/api/v1/orders", merchant.apiKey(), ORDER, Map.of("Idempotency-Key", "o-" + i));
            assertThat(order.status()).isBetween(400, 428);
        }
        Integer events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Integer.class);
        // when
        var limited = api().post(
                        "/api/v1/orders",
                        merchant.apiKey(),
                        ORDER,
                        Map.of("Idempotency-Key", "o-3", "X-Request-Id", "flood-2"));
        // then
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.problemType()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.json().get("correlationId").asString()).isEqualTo("flood-2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Integer.class))
                .isEqualTo(events);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access.idempotent_request WHERE idempotency_key = 'o-3'", Integer.class))
                .isZero();
        // and the key still reads
        assertThat(api().get("/api/v1/orders", merchant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void a_limited_write_is_not_recorded_for_its_idempotency_key() {
        // given a merchant that spent its two writes
        var merchant = api().register("merchants", "{\"name\":\"Writes\"}");
        String stream = "/api/v1/live-streams/6f1c3e1e-0000-4000-8000-000000000002/start";
        api().post(stream, merchant.apiKey(), "{}");
        api().post(stream, merchant.apiKey(), "{}");
        // when
        var limited = api().post(stream, merchant.apiKey(), "{}", Map.of("Idempotency-Key", "w-3"));
        // then: a retry after Retry-After is decided afresh
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access.idempotent_request WHERE idempotency_key = 'w-3'", Integer.class))
                .isZero();
    }
}
