package io.livechain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A delivery zone, as couriers, warehouses and buyers' addresses name it. Compared case-blind and without surrounding
 * blanks ({@code North}, {@code north } and {@code north} are one zone), so zones are kept folded.
 */
public final class Zone {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Zone() {}

    /** The zone as kept: stripped and lower-case; null stays null. */
    public static String fold(String zone) {
        return zone == null ? null : zone.strip().toLowerCase(Locale.ROOT);
    }

    /** The rule in words, for problems. */
    public static final String RULE = "1 to 64 letters, digits, '-' or '_' (compared case-blind)";

    /** Whether a folded zone is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit. */
    public static boolean isValid(String folded) {
        return folded != null && VALID.matcher(folded).matches();
    }
}
