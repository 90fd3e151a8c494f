package io.livechain.shared;

/** A request field is missing or out of range; {@link #field()} names it as the client sent it. */
public final class InvalidField extends BusinessRuleViolation {

    public static final String CODE = "validation-failed";

    private final String field;

    public InvalidField(String field, String detail) {
        super(CODE, Kind.INVALID, field + ": " + detail);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Throws unless the condition holds. */
    public static void require(boolean condition, String field, String detail) {
        if (!condition) {
            throw new InvalidField(field, detail);
        }
    }

    /** Throws unless the text has 1 to {@code maxLength} characters and no control characters. */
    public static void requireText(String text, int maxLength, String field) {
        require(text != null && !text.isBlank(), field, "is required");
        require(text.length() <= maxLength, field, "at most " + maxLength + " characters");
        for (int i = 0; i < text.length(); i++) {
            require(!Character.isISOControl(text.charAt(i)), field, "control characters are not allowed");
        }
    }
}
