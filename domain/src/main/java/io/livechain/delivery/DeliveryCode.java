package io.livechain.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The code the buyer gives the courier at the door, proving that the parcel reached the buyer. It is made when the
 * order is packed and told to the merchant (for the buyer) with the order; the delivery keeps only a hash of it, so
 * nothing a courier can see of a delivery holds the code (ADR 0008).
 */
public final class DeliveryCode {

    public static final int LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeliveryCode() {}

    /** A new code: {@value #LENGTH} random digits. */
    public static String random() {
        return String.format("%0" + LENGTH + "d", RANDOM.nextInt((int) Math.pow(10, LENGTH)));
    }

    /** The hash a delivery keeps: SHA-256 of the delivery's id and the code, hex. */
    public static String hash(DeliveryId deliveryId, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(deliveryId.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ':');
            digest.update(code.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the code given at the door is the delivery's (compared in constant time). */
    public static boolean matches(DeliveryId deliveryId, String given, String expectedHash) {
        if (given == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(deliveryId, given).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
