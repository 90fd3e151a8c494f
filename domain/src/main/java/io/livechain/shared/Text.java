package io.livechain.shared;

/**
 * The characters no text the platform keeps may hold: control characters (C0, DEL and C1, U+0000 among them, which
 * PostgreSQL text cannot store at all), the bidirectional embeddings, overrides and isolates that make text display
 * as something else than it is (U+202A-U+202E, U+2066-U+2069), and unpaired surrogates (not characters at all).
 */
public final class Text {

    private Text() {}

    /** The index of the first character not allowed, or -1 when the text is plain. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isPlain(CharSequence text) {
        return firstForbidden(text) < 0;
    }

    /** What is wrong, for a problem's message: names the character by its code point. */
    public static String describe(CharSequence text) {
        int at = firstForbidden(text);
        return at < 0 ? "" : "the character U+%04X is not allowed".formatted((int) text.charAt(at));
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
