package io.livechain.webhook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.webhook.WebhookSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void an_external_database_without_a_key_outside_local_development_does_not_start() {
        assertThatThrownBy(() -> SecretsKeys.cipher(settings("", List.of()), false, false, dataDir))
                .isInstanceOf(SecretsKeys.MissingSecretsKey.class)
                .hasMessageContaining("livechain.webhooks.secrets-key")
                .hasMessageContaining("LIVECHAIN_WEBHOOKS_SECRETS_KEY");
        assertThat(dataDir.resolve(SecretsKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void the_embedded_database_keeps_a_generated_key_in_an_owner_only_file_that_the_next_start_reads()
            throws IOException {
        // when the platform starts twice on the embedded database with no key set
        SecretCipher first = SecretsKeys.cipher(settings("", List.of()), false, true, dataDir);
        UUID subscription = UUID.randomUUID();
        WebhookSecret secret = WebhookSecret.generate();
        String stored = first.encrypt(subscription, secret);
        SecretCipher second = SecretsKeys.cipher(settings("", List.of()), false, true, dataDir);

        // then the second start reads what the first wrote, from a file only its owner may read
        assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(second.decrypt(subscription, stored)).isEqualTo(secret);
        Path file = dataDir.resolve(SecretsKeys.KEY_FILE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void local_development_on_an_external_database_keeps_a_key_file_too() {
        SecretCipher cipher = SecretsKeys.cipher(settings("", List.of()), true, false, dataDir);

        assertThat(dataDir.resolve(SecretsKeys.KEY_FILE)).exists();
        assertThat(cipher.currentKeyId()).hasSize(8);
    }

    @Test
    void a_configured_key_wins_and_the_previous_keys_still_decrypt() {
        // given a value of an earlier key
        String earlier = key();
        SecretCipher before = SecretsKeys.cipher(settings(earlier, List.of()), false, false, dataDir);
        UUID subscription = UUID.randomUUID();
        WebhookSecret secret = WebhookSecret.generate();
        String stored = before.encrypt(subscription, secret);

        // when a new key is set and the earlier one moves to the previous keys
        SecretCipher after = SecretsKeys.cipher(settings(key(), List.of(earlier)), false, false, dataDir);

        // then
        assertThat(after.decrypt(subscription, stored)).isEqualTo(secret);
        assertThat(after.isCurrent(stored)).isFalse();
        assertThat(dataDir.resolve(SecretsKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void a_key_that_is_not_the_base64_of_32_bytes_is_refused_without_showing_it() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretsKeys.cipher(settings(short16, List.of()), false, false, dataDir))
                .hasMessageContaining("livechain.webhooks.secrets-key is the base64 of 16 bytes, not 32")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> SecretsKeys.cipher(settings(key(), List.of("not base64!")), false, false, dataDir))
                .hasMessageContaining("livechain.webhooks.previous-secrets-keys[0] is not base64");
    }

    @Test
    void the_settings_never_show_the_keys() {
        String key = key();
        assertThat(settings(key, List.of(key())).toString())
                .contains("secretsKey=(set)")
                .doesNotContain(key);
    }

    private static WebhookProperties settings(String key, List<String> previous) {
        return new WebhookProperties(
                false,
                Duration.ofMillis(250),
                Duration.ofSeconds(3),
                Duration.ofSeconds(10),
                new WebhookProperties.Retry(Duration.ofSeconds(5), Duration.ofHours(1), 15, Duration.ofDays(3)),
                16,
                200,
                Duration.ofDays(7),
                key,
                previous);
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
