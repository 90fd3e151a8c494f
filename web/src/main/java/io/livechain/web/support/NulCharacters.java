package io.livechain.web.support;

/** Finds U+0000 in a JSON body, raw or escaped ({@code \u0000}), without parsing it. */
public final class NulCharacters {

    private NulCharacters() {}

    public static boolean in(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] == 0) {
                return true;
            }
            if (json[i] == '\\' && i + 5 < json.length && isEscapedNul(json, i)) {
                return true;
            }
            if (json[i] == '\\') {
                i++; // an escaped backslash is not the start of an escape
            }
        }
        return false;
    }

    private static boolean isEscapedNul(byte[] json, int at) {
        return (json[at + 1] == 'u' || json[at + 1] == 'U')
                && json[at + 2] == '0'
                && json[at + 3] == '0'
                && json[at + 4] == '0'
                && json[at + 5] == '0';
    }
}
