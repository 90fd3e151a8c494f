package io.livechain.shared;

/** A request field is missing or out of range; {@link #field()} names it as the client sent it. */
public final class InvalidField extends BusinessRuleViolation {

    public static final String CODE = "validation-failed";

    public InvalidField(String field, String detail) {
        super(CODE, Kind.INVALID, field, field + ": " + detail);
    }

    /** Throws unless the condition holds. */
    public static void require(boolean condition, String field, String detail) {
        if (!condition) {
            throw new InvalidField(field, detail);
        }
    }

    /** Throws unless the text has 1 to {@code maxLength} characters, none of them forbidden ({@link Text}). */
    public static void requireText(String text, int maxLength, String field) {
        require(text != null && !text.isBlank(), field, "is required");
        require(text.length() <= maxLength, field, "at most " + maxLength + " characters");
        require(Text.isPlain(text), field, Text.describe(text));
    }
}
