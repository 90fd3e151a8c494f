package io.livechain.webhook.store;

import io.livechain.webhook.WebhookSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets encrypted at rest: AES-256-GCM with a random 96-bit nonce per value and the subscription's
 * id as associated data, so a value copied to another row does not decrypt. Stored as {@code v1:<key id>:<base64 of
 * nonce, ciphertext and tag>}; the key id is the first 8 hex digits of the SHA-256 of the key, so a value names the
 * key it needs. Values are encrypted with the current key; the previous keys only decrypt (rotation). A value
 * without the {@code v1:} prefix is a secret stored in clear before encryption (a {@code whsec_…}), read as it is.
 *
 * <p>No message of this class holds a secret or a key.
 */
public final class SecretCipher {

    static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * @param current the key new values are encrypted with (32 bytes)
     * @param previous earlier keys, for values not yet encrypted again with the current one
     */
    public SecretCipher(byte[] current, List<byte[]> previous) {
        currentId = add(current);
        previous.forEach(this::add);
    }

    private String add(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secrets key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** The first 8 hex digits of the key's SHA-256: names the key in each value, and in logs, without giving it. */
    public static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", missing);
        }
    }

    public String currentKeyId() {
        return currentId;
    }

    /** The stored form of a subscription's secret. */
    public String encrypt(UUID subscriptionId, WebhookSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("AES-GCM failed to encrypt a webhook secret", failed);
        }
    }

    /**
     * The secret of a stored value of the given subscription.
     *
     * @throws UnreadableSecret if the value names a key that is not configured, was changed, or belongs to another
     *     subscription
     */
    public WebhookSecret decrypt(UUID subscriptionId, String stored) {
        if (!isEncrypted(stored)) {
            return new WebhookSecret(stored);
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3) {
            throw new UnreadableSecret(subscriptionId, "it is not of the form v1:<key id>:<data>");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new UnreadableSecret(
                    subscriptionId,
                    "it was encrypted with the key " + parts[1] + ", which is neither livechain.webhooks.secrets-key"
                            + " (" + currentId + ") nor one of livechain.webhooks.previous-secrets-keys");
        }
        try {
            byte[] data = Base64.getDecoder().decode(parts[2]);
            if (data.length <= NONCE_BYTES) {
                throw new UnreadableSecret(subscriptionId, "it is too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(data, NONCE_BYTES), subscriptionId);
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new WebhookSecret(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException unreadable) {
            // the message of neither holds the value
            throw new UnreadableSecret(
                    subscriptionId,
                    "it does not decrypt with the key " + parts[1]
                            + " for this subscription (changed, or copied from another subscription)");
        }
    }

    /** Whether a stored value is encrypted at all (not a secret stored in clear before encryption). */
    public static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** Whether a stored value is encrypted with the current key (nothing to do for it at a key rotation). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(PREFIX + currentId + ":");
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, UUID subscriptionId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "SecretCipher[current=" + currentId + ", keys=" + keys.keySet() + "]";
    }

    /** A stored secret that cannot be read; its message names the subscription and why, never the value. */
    public static final class UnreadableSecret extends IllegalStateException {
        UnreadableSecret(UUID subscriptionId, String why) {
            super("The signing secret of webhook subscription " + subscriptionId + " cannot be read: " + why);
        }
    }
}
