package io.livechain.access.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.access.ApiKeySecret;
import io.livechain.access.ApiKeys;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;

class OperatorKeyStrengthTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @ValueSource(strings = {"change-me-operator-key", "demo-operator-key", "bench-operator-key", "DEMO-operator-key"})
    void refuses_the_published_defaults(String key) {
        assertThat(OperatorKeyStrength.weakness(key)).contains("it is a published default");
    }

    @Test
    void refuses_a_short_key() {
        assertThat(OperatorKeyStrength.weakness("x8Jq2LmZ0rTy5WvB3nKc7HsD1fGp9aQ"))
                .hasValueSatisfying(weakness -> assertThat(weakness).contains("31 characters"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "0123456789abcdef0123456789abcdef",
                "P@ssw0rdP@ssw0rdP@ssw0rdP@ssw0rd!",
                "change-me-operator-key-change-me-operator",
                "my-super-secret-operator-key-2026",
                "lc_test_operator_key_0123456789abcdefghijklmnop"
            })
    void refuses_a_long_but_guessable_key(String key) {
        assertThat(OperatorKeyStrength.weakness(key))
                .hasValueSatisfying(weakness -> assertThat(weakness).startsWith("it is guessable"));
    }

    @RepeatedTest(20)
    void accepts_random_keys_of_32_bytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        assertThat(OperatorKeyStrength.weakness(Base64.getEncoder().encodeToString(bytes)))
                .isEmpty();
        assertThat(OperatorKeyStrength.weakness(HexFormat.of().formatHex(bytes)))
                .isEmpty();
        assertThat(OperatorKeyStrength.weakness(ApiKeySecret.generate().value()))
                .isEmpty();
    }

    @Test
    void the_weakness_never_repeats_the_key() {
        String key = "my-super-secret-operator-key-2026";
        assertThat(OperatorKeyStrength.weakness(key))
                .hasValueSatisfying(
                        weakness -> assertThat(weakness).doesNotContain(key).doesNotContain("super"));
    }

    @Test
    void a_weak_configured_key_stops_the_start() {
        assertThatThrownBy(() -> new OperatorKeyBootstrap(keys(), operator("demo-operator-key", false)))
                .isInstanceOf(WeakOperatorKey.class)
                .hasMessageContaining("published default")
                .hasMessageNotContaining("demo-operator-key");
    }

    @Test
    void local_development_accepts_a_weak_key() {
        assertThatCode(() -> new OperatorKeyBootstrap(keys(), operator("demo-operator-key", true)))
                .doesNotThrowAnyException();
    }

    @Test
    void no_configured_key_is_fine() {
        assertThatCode(() -> new OperatorKeyBootstrap(keys(), operator("", false)))
                .doesNotThrowAnyException();
    }

    private static AccessProperties.Operator operator(String adminApiKey, boolean localDevelopment) {
        return new AccessProperties.Operator(adminApiKey, localDevelopment);
    }

    /** The bootstrap checks the key when it is made; the key store is not asked then. */
    private static ApiKeys keys() {
        return Mockito.mock(ApiKeys.class);
    }
}
