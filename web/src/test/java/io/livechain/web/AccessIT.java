package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.audit.AuditMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AccessIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answers_401_problem_without_a_key() {
        // when
        var response = api().post("/api/v1/admin/merchants", null, "{\"name\":\"Acme\"}");
        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("unauthenticated");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void answers_401_problem_for_an_unknown_key() {
        var response = api().get("/api/v1/admin/participants", "lc_not_a_real_key");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemType()).isEqualTo("unauthenticated");
    }

    @Test
    void operator_registers_a_merchant_whose_key_works_but_not_on_operator_endpoints() {
        // given
        var merchant = api().register("merchants", "{\"name\":\"Acme Live\"}");
        // when
        var operatorOnly = api().post("/api/v1/admin/factories", merchant.apiKey(), "{\"name\":\"F\"}");
        // then
        assertThat(merchant.apiKey()).startsWith("lc_").hasSizeGreaterThan(40);
        assertThat(operatorOnly.status()).isEqualTo(403);
        assertThat(operatorOnly.contentType()).startsWith("application/problem+json");
        assertThat(operatorOnly.problemType()).isEqualTo("forbidden");
    }

    @Test
    void each_role_reaches_only_its_own_paths() {
        var factory = api().register("factories", "{\"name\":\"Plant 1\"}");
        var courier = api().register("couriers", "{\"name\":\"Kai\",\"zones\":[\"north\"]}");
        assertThat(api().get("/api/v1/warehouse/pick-list", factory.apiKey()).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/factory/production-requests", courier.apiKey())
                        .status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/orders", courier.apiKey()).status()).isEqualTo(403);
        assertThat(api().get("/actuator/prometheus", factory.apiKey()).status()).isEqualTo(403);
    }

    @Test
    void stores_only_a_hash_of_each_key_and_never_puts_keys_in_events() {
        // given
        var merchant = api().register("merchants", "{\"name\":\"Hash Check\"}");
        // then
        Integer inKeyStore = jdbc.queryForObject(
                "SELECT count(*) FROM access.api_key WHERE key_hash = ? OR key_hash = ?",
                Integer.class,
                merchant.apiKey(),
                io.livechain.access.ApiKeySecret.hash(merchant.apiKey()));
        Integer inEvents = jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry"
                        + " WHERE position(convert_to(?, 'UTF8') in payload) > 0"
                        + " OR position(convert_to(?, 'UTF8') in meta_data) > 0",
                Integer.class,
                merchant.apiKey(),
                io.livechain.access.ApiKeySecret.hash(merchant.apiKey()));
        assertThat(inKeyStore).isEqualTo(1); // found by hash, not by the key itself
        assertThat(inEvents).isZero();
    }

    @Test
    void records_actor_correlation_and_causation_on_the_registration_event() {
        // when
        var response = api().post(
                        "/api/v1/admin/warehouses",
                        Api.OPERATOR_KEY,
                        "{\"name\":\"East DC\",\"zone\":\"east\"}",
                        Map.of("X-Request-Id", "audit-check-42"));
        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-Request-Id")).isEqualTo("audit-check-42");
        String metaData = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ?",
                String.class,
                response.json().get("id").asString());
        assertThat(metaData)
                .contains("\"" + AuditMetadata.CORRELATION_ID + "\":\"audit-check-42\"")
                .contains("\"" + AuditMetadata.ACTOR_ROLE + "\":\"ADMIN\"")
                .contains("\"" + AuditMetadata.ACTOR_ID + "\"")
                .contains("\"" + AuditMetadata.CAUSATION_ID + "\"");
    }

    @Test
    void generates_a_correlation_id_when_the_caller_sends_none() {
        var response = api().get("/api/v1/admin/participants", Api.OPERATOR_KEY);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void rejects_an_invalid_registration_with_field_errors_and_changes_nothing() {
        // given
        Integer before = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Integer.class);
        // when
        var response = api().post("/api/v1/admin/couriers", Api.OPERATOR_KEY, "{\"name\":\"Kai\",\"zones\":[]}");
        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("validation-failed");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("zones");
        Integer after = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Integer.class);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void rejects_a_domain_rule_violation_as_a_problem() {
        var response = api().post(
                        "/api/v1/admin/couriers",
                        Api.OPERATOR_KEY,
                        "{\"name\":\"Kai\",\"zones\":[\"no spaces allowed\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("invalid-registration");
    }
}
