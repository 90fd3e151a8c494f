package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An address that guesses keys is held back without a key look-up, on both request paths, while the keys it used
 * recently keep working. A class of its own: it holds back the test's own address for an hour.
 */
@TestPropertySource(
        properties = {"livechain.rate-limit.unknown-keys.requests=3", "livechain.rate-limit.unknown-keys.per=1h"})
class UnknownKeysIT extends PlatformIT {

    @Test
    void an_address_guessing_keys_gets_429_and_its_known_keys_keep_working() {
        // given a merchant that used its key, and a second one registered but that never used its own
        Api.Registered merchant = api().register("merchants", "{\"name\":\"Known\"}");
        Api.Registered idle = api().register("merchants", "{\"name\":\"Idle\"}");
        assertThat(api().get("/api/v1/orders", merchant.apiKey()).status()).isEqualTo(200);

        // when the same address presents three unknown keys, then a fourth, on the general path and the order path
        for (int guess = 1; guess <= 3; guess++) {
            assertThat(api().get("/api/v1/orders", "lc_guess" + guess).status()).isEqualTo(401);
        }
        Api.Response held = api().get("/api/v1/orders", "lc_guess4");
        Api.Response heldOrder = api().post(
                        "/api/v1/orders",
                        "lc_guess5",
                        "{}",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        // then the fourth and fifth are 429 with Retry-After, on both paths
        for (Api.Response response : new Api.Response[] {held, heldOrder}) {
            assertThat(response.status()).isEqualTo(429);
            assertThat(response.problemType()).isEqualTo("rate-limited");
            assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 3600L);
        }
        assertThat(held.json().get("detail").asString()).contains("3 unknown API keys per 1h");
        // and the merchant's key, used recently, still works; a key this address never used waits like a guess
        assertThat(api().get("/api/v1/orders", merchant.apiKey()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/orders", idle.apiKey()).status()).isEqualTo(429);
    }
}
