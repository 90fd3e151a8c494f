package io.livechain.catalog;

import java.util.regex.Pattern;

/** The merchant's stock-keeping unit code: 1 to 64 letters, digits, '.', '_' or '-'. */
public final class Sku {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Sku() {}

    public static boolean isValid(String sku) {
        return sku != null && VALID.matcher(sku).matches();
    }
}
