package io.livechain.web.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body that is JSON, but with a value of the wrong kind in a field (a fraction, text or a boolean where a
 * whole number belongs, a number where text belongs, a number too large): a client mistake about one field, answered
 * as {@code validation-failed} naming the field as the client sent it ({@code lines[0].quantity}). Nothing is
 * truncated or coerced instead (see {@link StrictJson}).
 */
public final class JsonMistakes {

    private JsonMistakes() {}

    /** The problem for a body that could not be read, if the failure is about one field. */
    public static Optional<ProblemDetail> aboutOneField(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (!(cause instanceof JacksonException mistake)
                || mistake instanceof UnrecognizedPropertyException
                || mistake.getPath().isEmpty()) {
            return Optional.empty();
        }
        String field = fieldOf(mistake.getPath());
        String message = field + ": " + expectation(mistake);
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "the request body has invalid fields");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return Optional.of(problem);
    }

    /** {@code lines[0].quantity}: property names joined by dots, array indexes in brackets. */
    static String fieldOf(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expectation(JacksonException mistake) {
        if (mistake instanceof InputCoercionException) {
            return "the number is out of range";
        }
        Class<?> type = mistake instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "has a value of the wrong kind";
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class
                || type == BigInteger.class) {
            return "must be a whole number (not a fraction, text or a boolean)";
        }
        if (type == BigDecimal.class
                || type == double.class
                || type == Double.class
                || type == float.class
                || type == Float.class) {
            return "must be a number (not text or a boolean)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text (not a number, a boolean, an object or a list)";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 instant such as 2026-11-27T19:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (type.isEnum()) {
            return "must be one of the listed values";
        }
        return "must be an object";
    }
}
