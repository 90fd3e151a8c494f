package io.livechain.web.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names the field of a JSON body that could not be bound, as the client wrote it ({@code offers[0].quantity}), and
 * says what it must be: a missing number, a text where a number belongs, an unknown enum value.
 */
public final class JsonFieldErrors {

    private JsonFieldErrors() {}

    /**
     * The problem for a body that could not be read. A value of the wrong kind in one field (a fraction or text where a
     * whole number belongs, a number too large) is {@code validation-failed} naming the field; a body that is not JSON
     * is {@code malformed-request}, naming where it broke when that is known. {@code body} lets a failure Jackson
     * reports without a path be located by reading the body again.
     */
    public static ProblemDetail problemFor(Throwable failure, JsonMapper json, byte @Nullable [] body) {
        JacksonException jackson = cause(failure, JacksonException.class);
        Optional<Map<String, Object>> field = of(failure);
        if (field.isEmpty() && jackson != null) {
            field = JsonFields.unreadable(jackson)
                    .or(() -> body == null ? Optional.empty() : JsonFields.locate(json, body, jackson))
                    .map(invalid -> Map.of("field", invalid.field(), "message", invalid.message()));
        }
        if (field.isEmpty()) {
            return ProblemTypes.problem(
                    HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "the request body cannot be read");
        }
        boolean notJson = cause(failure, StreamReadException.class) != null
                && cause(failure, InputCoercionException.class) == null;
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST,
                notJson ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.VALIDATION_FAILED,
                field.get().get("field") + ": " + field.get().get("message"));
        problem.setProperty("errors", List.of(field.get()));
        return problem;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The field a body failed on, if the failure is about one field. */
    public static Optional<Map<String, Object>> of(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof MismatchedInputException)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (!(cause instanceof MismatchedInputException mismatch)
                || mismatch.getPath().isEmpty()) {
            return Optional.empty();
        }
        String message = mismatch instanceof UnrecognizedPropertyException
                ? "is not a field of this request"
                : "must be " + expected(mismatch.getTargetType());
        return Optional.of(Map.of("field", JsonFields.fieldOf(mismatch.getPath()), "message", message));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class
                || type == float.class
                || type == Double.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant such as 2026-11-27T19:00:00Z";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
