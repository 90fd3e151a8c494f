package io.livechain.shared;

import java.util.regex.Pattern;

/** The merchant's stock-keeping unit code: 1 to 64 letters, digits, '.', '_' or '-'. */
public final class Sku {

    /** The rule as a regular expression, for the web layer's {@code @Pattern}. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** The rule in words, for problems. */
    public static final String RULE = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Sku() {}

    public static boolean isValid(String sku) {
        return sku != null && VALID.matcher(sku).matches();
    }
}
