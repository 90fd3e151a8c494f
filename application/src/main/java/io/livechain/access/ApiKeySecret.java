package io.livechain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An API key in the clear: 256 random bits, shown to its owner once. Only its SHA-256 hash (hex) is stored; a fast hash
 * is enough because the key is random and long, not a password someone chose.
 */
public record ApiKeySecret(String value) {

    private static final String PREFIX = "lc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return hash(value);
    }

    public static String hash(String presented) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Never print the key by accident. */
    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
