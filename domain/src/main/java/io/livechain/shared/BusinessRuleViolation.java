package io.livechain.shared;

/**
 * A command broke a business rule. Each rule has its own subclass and a stable {@link #code()}, which the web
 * layer turns into the problem {@code type}; callers decide on the code, never on the message.
 */
public abstract class BusinessRuleViolation extends RuntimeException {

    private final String code;
    private final Kind kind;
    private final String field;

    protected BusinessRuleViolation(String code, Kind kind, String detail) {
        this(code, kind, detail, null);
    }

    /** A rule about one field of the request: {@code field} names it as the client sent it. */
    protected BusinessRuleViolation(String code, Kind kind, String detail, String field) {
        super(detail, null, false, false);
        this.code = code;
        this.kind = kind;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field the rule is about, as the client sent it; null when it is about no one field. */
    public String field() {
        return field;
    }

    /** What sort of "no" this is: the request itself is wrong, or it clashes with the current state. */
    public enum Kind {
        /** The command is malformed or its values are out of range. */
        INVALID,
        /** The command names something that does not exist (or is not the caller's). */
        NOT_FOUND,
        /** The command is well-formed but the current state does not allow it. */
        CONFLICT,
        /** The command is well-formed but refers to things that make it impossible to carry out. */
        UNPROCESSABLE
    }
}
