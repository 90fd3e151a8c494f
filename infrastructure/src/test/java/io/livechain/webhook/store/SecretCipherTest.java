package io.livechain.webhook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.webhook.WebhookSecret;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key = key();
    private final SecretCipher cipher = new SecretCipher(key, List.of());
    private final UUID subscription = UUID.randomUUID();
    private final WebhookSecret secret = WebhookSecret.generate();

    @Test
    void a_secret_comes_back_from_its_stored_form_which_does_not_hold_it() {
        // when
        String stored = cipher.encrypt(subscription, secret);

        // then
        assertThat(stored).startsWith("v1:" + SecretCipher.keyId(key) + ":");
        assertThat(stored)
                .doesNotContain(secret.value())
                .doesNotContain(secret.value().substring(6));
        assertThat(stored.length()).isLessThanOrEqualTo(128); // the column
        assertThat(cipher.decrypt(subscription, stored)).isEqualTo(secret);
    }

    @Test
    void each_encryption_draws_its_own_nonce() {
        assertThat(cipher.encrypt(subscription, secret)).isNotEqualTo(cipher.encrypt(subscription, secret));
    }

    @Test
    void a_value_moved_to_another_subscription_does_not_decrypt() {
        // given
        String stored = cipher.encrypt(subscription, secret);
        UUID other = UUID.randomUUID();

        // then
        assertThatThrownBy(() -> cipher.decrypt(other, stored))
                .isInstanceOf(SecretCipher.UnreadableSecret.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("copied from another subscription")
                .hasMessageNotContaining(stored);
    }

    @Test
    void a_tampered_value_does_not_decrypt() {
        // given a value with one bit of its ciphertext flipped
        String stored = cipher.encrypt(subscription, secret);
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] data = Base64.getDecoder().decode(stored.substring(prefix.length()));
        data[20] ^= 1;
        String tampered = prefix + Base64.getEncoder().encodeToString(data);

        // then
        assertThatThrownBy(() -> cipher.decrypt(subscription, tampered))
                .isInstanceOf(SecretCipher.UnreadableSecret.class)
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> cipher.decrypt(subscription, prefix + "not base64!"))
                .isInstanceOf(SecretCipher.UnreadableSecret.class);
        assertThatThrownBy(() -> cipher.decrypt(subscription, prefix + "AAAA"))
                .isInstanceOf(SecretCipher.UnreadableSecret.class)
                .hasMessageContaining("too short");
    }

    @Test
    void after_a_key_rotation_the_previous_key_still_decrypts_and_new_values_take_the_new_key() {
        // given a value of the old key
        String old = cipher.encrypt(subscription, secret);

        // when the key changes, the old one kept as a previous key
        byte[] newKey = key();
        SecretCipher rotated = new SecretCipher(newKey, List.of(key));

        // then the old value decrypts, is not current, and a new value names the new key
        assertThat(rotated.decrypt(subscription, old)).isEqualTo(secret);
        assertThat(rotated.isCurrent(old)).isFalse();
        String fresh = rotated.encrypt(subscription, secret);
        assertThat(fresh).startsWith("v1:" + SecretCipher.keyId(newKey) + ":");
        assertThat(rotated.isCurrent(fresh)).isTrue();
        assertThat(rotated.currentKeyId()).isNotEqualTo(cipher.currentKeyId());
    }

    @Test
    void a_value_of_a_key_that_is_not_configured_fails_naming_the_key_and_the_settings() {
        // given a value of this key, read where only another key is configured
        String stored = cipher.encrypt(subscription, secret);
        SecretCipher other = new SecretCipher(key(), List.of());

        // then
        assertThatThrownBy(() -> other.decrypt(subscription, stored))
                .isInstanceOf(SecretCipher.UnreadableSecret.class)
                .hasMessageContaining(subscription.toString())
                .hasMessageContaining("the key " + SecretCipher.keyId(key))
                .hasMessageContaining("livechain.webhooks.secrets-key")
                .hasMessageContaining("livechain.webhooks.previous-secrets-keys")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void a_secret_stored_in_clear_before_encryption_is_read_as_it_is() {
        assertThat(SecretCipher.isEncrypted(secret.value())).isFalse();
        assertThat(cipher.isCurrent(secret.value())).isFalse();
        assertThat(cipher.decrypt(subscription, secret.value())).isEqualTo(secret);
    }

    @Test
    void refuses_a_key_that_is_not_32_bytes() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16], List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void never_shows_its_keys() {
        assertThat(cipher.toString())
                .contains(cipher.currentKeyId())
                .doesNotContain(Base64.getEncoder().encodeToString(key));
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
