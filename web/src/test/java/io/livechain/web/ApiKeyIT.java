package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator revokes a participant's key at once or issues it a new one (rotation, with a grace period for the
 * old ones), and a participant rotates its own. A new key is shown once; keys are never in events, logs or replays.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyIT extends PlatformIT {

    private static final String ORDER = "{\"liveStreamId\":\"6f1c3e1e-0000-4000-8000-000000000001\",\"buyerId\":\"b\","
            + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"shippingAddress\":{\"zone\":\"north\",\"line1\":\"1 St\","
            + "\"city\":\"C\",\"recipient\":\"R\"}}";

    @TestConfiguration
    static class MovableTime {
        @Bean
        PlatformClock clock() {
            return new PlatformClock();
        }
    }

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_operator_lists_a_participants_keys_without_the_keys() {
        // given
        var merchant = api().register("merchants", "{\"name\":\"Listed\"}");
        // when
        var keys = api().get(keysOf(merchant.id()), Api.OPERATOR_KEY);
        // then
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json()).hasSize(1);
        assertThat(keys.json().get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(keys.json().get(0).get("role").asString()).isEqualTo("MERCHANT");
        assertThat(keys.body())
                .doesNotContain(merchant.apiKey())
                .doesNotContain(io.livechain.access.ApiKeySecret.hash(merchant.apiKey()));
    }

    @Test
    void a_revoked_key_answers_401_at_once_on_every_path() {
        // given a merchant whose key was just used (and so is remembered)
        var merchant = api().register("merchants", "{\"name\":\"Leaky\"}");
        assertThat(api().get("/api/v1/orders", merchant.apiKey()).status()).isEqualTo(200);
        assertThat(placeOrder(merchant.apiKey(), "before").status()).isNotEqualTo(401);
        String keyId = api().get(keysOf(merchant.id()), Api.OPERATOR_KEY)
                .json()
                .get(0)
                .get("id")
                .asString();
        // when the operator revokes it
        var revoked = api().post(keysOf(merchant.id()) + "/" + keyId + "/revoke", Api.OPERATOR_KEY, "");
        // then
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(api().get("/api/v1/orders", merchant.apiKey()).status()).isEqualTo(401);
        var order = placeOrder(merchant.apiKey(), "after");
        assertThat(order.status()).isEqualTo(401);
        assertThat(order.problemType()).isEqualTo("unauthenticated");
    }

    @Test
    void a_rotation_issues_a_new_key_and_the_old_one_works_until_its_grace_period_ends() {
        // given
        var merchant = api().register("merchants", "{\"name\":\"Rotating\"}");
        // when
        var rotated = api().post(keysOf(merchant.id()), Api.OPERATOR_KEY, "{\"gracePeriodSeconds\":600}");
        // then the new key works, and so does the old one, for now
        assertThat(rotated.status()).isEqualTo(201);
        String newKey = rotated.json().get("apiKey").asString();
        assertThat(newKey).startsWith("lc_").isNotEqualTo(merchant.apiKey());
        assertThat(rotated.header("Location"))
                .isEqualTo(
                        keysOf(merchant.id()) + "/" + rotated.json().get("id").asString());
        assertThat(rotated.json().get("previousKeysExpireAt").asString()).isNotBlank();
        assertThat(api().get("/api/v1/orders", newKey).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/orders", merchant.apiKey()).status()).isEqualTo(200);
        assertThat(api().get(rotated.header("Location"), Api.OPERATOR_KEY)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        // and when the grace period is over, only the new key works, on every path
        clock.advance(Duration.ofSeconds(601));
        assertThat(api().get("/api/v1/orders", merchant.apiKey()).status()).isEqualTo(401);
        assertThat(placeOrder(merchant.apiKey(), "old-key").status()).isEqualTo(401);
        assertThat(api().get("/api/v1/orders", newKey).status()).isEqualTo(200);
        assertThat(api().get(keysOf(merchant.id()), Api.OPERATOR_KEY).json())
                .extracting(key -> key.get("status").asString())
                .containsExactly("EXPIRED", "ACTIVE");
    }

    @Test
    void a_rotation_without_grace_stops_the_old_keys_at_once() {
        var courier = api().register("couriers", "{\"name\":\"Kai\",\"zones\":[\"north\"]}");
        var rotated = api().post(keysOf(courier.id()), Api.OPERATOR_KEY, "{\"gracePeriodSeconds\":0}");
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(api().get("/api/v1/courier/offers", courier.apiKey()).status())
                .isEqualTo(401);
        assertThat(api().get(
                                "/api/v1/courier/offers",
                                rotated.json().get("apiKey").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_participant_rotates_its_own_key() {
        // given
        var warehouse = api().register("warehouses", "{\"name\":\"DC\",\"zone\":\"north\"}");
        // when
        var rotated = api().post("/api/v1/me/api-key", warehouse.apiKey(), "");
        // then
        assertThat(rotated.status()).isEqualTo(201);
        String newKey = rotated.json().get("apiKey").asString();
        var own = api().get("/api/v1/me/api-key", newKey);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("id").asString())
                .isEqualTo(rotated.json().get("id").asString());
        assertThat(own.json().get("status").asString()).isEqualTo("ACTIVE");
        var old = api().get("/api/v1/me/api-key", warehouse.apiKey());
        assertThat(old.json().get("status").asString()).isEqualTo("EXPIRING");
        assertThat(old.json().get("expiresAt").asString())
                .isEqualTo(rotated.json().get("previousKeysExpireAt").asString());
        assertThat(api().get("/api/v1/warehouse/pick-list", newKey).status()).isEqualTo(200);
    }

    @Test
    void a_replayed_rotation_never_shows_the_key_again_and_no_key_reaches_events_or_logs(CapturedOutput output) {
        // given
        var factory = api().register("factories", "{\"name\":\"Plant\"}");
        var key = Map.of("Idempotency-Key", "rotate-1");
        Integer events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Integer.class);
        // when
        var first = api().post("/api/v1/me/api-key", factory.apiKey(), "{\"gracePeriodSeconds\":60}", key);
        var replay = api().post("/api/v1/me/api-key", factory.apiKey(), "{\"gracePeriodSeconds\":60}", key);
        // then
        String newKey = first.json().get("apiKey").asString();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().has("apiKey")).isFalse();
        assertThat(replay.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(api().get(keysOf(factory.id()), Api.OPERATOR_KEY).json()).hasSize(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access.idempotent_request"
                                + " WHERE position(convert_to(?, 'UTF8') in response_body) > 0",
                        Integer.class,
                        newKey))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Integer.class))
                .isEqualTo(events);
        assertThat(output.getAll()).doesNotContain(newKey).doesNotContain(factory.apiKey());
    }

    @Test
    void unknown_participants_keys_and_the_operator_itself_look_absent() {
        var merchant = api().register("merchants", "{\"name\":\"Mine\"}");
        var other = api().register("merchants", "{\"name\":\"Other\"}");
        String otherKeyId = api().get(keysOf(other.id()), Api.OPERATOR_KEY)
                .json()
                .get(0)
                .get("id")
                .asString();
        String nobody = "6f1c3e1e-0000-4000-8000-00000000abcd";
        assertThat(api().get(keysOf(nobody), Api.OPERATOR_KEY).status()).isEqualTo(404);
        assertThat(api().post(keysOf(nobody), Api.OPERATOR_KEY, "").status()).isEqualTo(404);
        assertThat(api().get(keysOf("00000000-0000-0000-0000-000000000000"), Api.OPERATOR_KEY)
                        .status())
                .isEqualTo(404);
        // another participant's key id under this participant: absent, and still working
        assertThat(api().post(keysOf(merchant.id()) + "/" + otherKeyId + "/revoke", Api.OPERATOR_KEY, "")
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/orders", other.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void only_the_operator_manages_others_keys_and_the_operator_has_no_own_key_endpoint() {
        var merchant = api().register("merchants", "{\"name\":\"Nosy\"}");
        var other = api().register("merchants", "{\"name\":\"Target\"}");
        assertThat(api().post(keysOf(other.id()), merchant.apiKey(), "").status())
                .isEqualTo(403);
        assertThat(api().get(keysOf(other.id()), merchant.apiKey()).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/me/api-key", Api.OPERATOR_KEY, "").status())
                .isEqualTo(403);
        assertThat(api().post("/api/v1/me/api-key", null, "").status()).isEqualTo(401);
    }

    @Test
    void a_grace_period_out_of_range_is_a_validation_problem_naming_the_field() {
        var merchant = api().register("merchants", "{\"name\":\"Careless\"}");
        for (String body : new String[] {"{\"gracePeriodSeconds\":-1}", "{\"gracePeriodSeconds\":86401}"}) {
            var response = api().post("/api/v1/me/api-key", merchant.apiKey(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.problemType()).isEqualTo("validation-failed");
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("gracePeriodSeconds");
        }
        assertThat(api().get(keysOf(merchant.id()), Api.OPERATOR_KEY).json()).hasSize(1);
    }

    private Api.Response placeOrder(String apiKey, String idempotencyKey) {
        return api().post("/api/v1/orders", apiKey, ORDER, Map.of("Idempotency-Key", idempotencyKey));
    }

    private static String keysOf(String participantId) {
        return "/api/v1/admin/participants/" + participantId + "/api-keys";
    }
}
