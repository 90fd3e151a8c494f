package io.livechain.web.support;

import io.livechain.shared.Text;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request fields as clients name them ({@code offers[0].sku}), found in a JSON body or in Jackson's account of what
 * it could not read; and the first text in a body that holds a character no text may hold ({@link Text}), found
 * before the body is bound, so every text field of every request is covered without being listed.
 */
public final class JsonFields {

    /** A field and what is wrong with it. */
    public record Invalid(String field, String message) {}

    private JsonFields() {}

    /**
     * The first string (value or property name) of the body that is not plain text; empty when there is none or the
     * body is not JSON at all (then reading it fails with its own problem).
     */
    public static Optional<Invalid> firstForbiddenText(JsonMapper json, byte[] body) {
        if (!mayHoldForbiddenText(body)) {
            return Optional.empty();
        }
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) {
                    String text = token == JsonToken.PROPERTY_NAME ? parser.currentName() : parser.getString();
                    if (!Text.isPlain(text)) {
                        return Optional.of(new Invalid(pathOf(parser.streamReadContext()), Text.describe(text)));
                    }
                }
            }
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The field Jackson could not read, when it says which; empty for a body that is not JSON at all. */
    public static Optional<Invalid> unreadable(JacksonException failure) {
        List<JacksonException.Reference> path = failure.getPath();
        if (path == null || path.isEmpty()) {
            // the parser itself refused a value (a number of a thousand digits): where it stood names the field
            if (failure.processor() instanceof JsonParser parser) {
                String field = pathOf(parser.streamReadContext());
                return field.isEmpty() ? Optional.empty() : Optional.of(new Invalid(field, reasonOf(failure)));
            }
            return Optional.empty();
        }
        String field = fieldOf(path);
        return field.isEmpty() ? Optional.empty() : Optional.of(new Invalid(field, reasonOf(failure)));
    }

    /** A field as the client wrote it ({@code lines[0].quantity}), from the path Jackson reports. */
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

    /**
     * Where in the body reading fails, for failures Jackson reports without a path (a number of a thousand digits in
     * a top-level field): the body is read again, token by token, up to the failure.
     */
    public static Optional<Invalid> locate(JsonMapper json, byte[] body, JacksonException failure) {
        JsonParser parser = json.createParser(body);
        try (parser) {
            while (parser.nextToken() != null) {
                // reading on, to where reading failed before
            }
        } catch (JacksonException again) {
            String field = pathOf(parser.streamReadContext());
            return field.isEmpty() ? Optional.empty() : Optional.of(new Invalid(field, reasonOf(failure)));
        }
        return Optional.empty();
    }

    /** Jackson's own words, without its Java class names. */
    private static String reasonOf(JacksonException failure) {
        String message = failure.getOriginalMessage();
        if (message == null) {
            return "cannot be read";
        }
        int type = message.indexOf("value of type `");
        if (message.startsWith("Cannot deserialize") && type >= 0) {
            String javaType = message.substring(type + 15, message.indexOf('`', type + 15));
            return "must be " + describe(javaType);
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String describe(String javaType) {
        return switch (javaType) {
            case "java.lang.String" -> "text";
            case "int", "java.lang.Integer", "long", "java.lang.Long" -> "a whole number";
            case "java.math.BigDecimal" -> "a number";
            case "boolean", "java.lang.Boolean" -> "true or false";
            case "java.util.UUID" -> "a UUID";
            case "java.time.Instant" -> "an instant such as 2026-11-27T19:00:00Z";
            default -> javaType.startsWith("java.util.List") ? "an array" : "an object";
        };
    }

    private static String pathOf(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + at.getCurrentIndex() + "]");
            } else if (at.inObject() && at.currentName() != null) {
                parts.push((at.getParent() != null && !at.getParent().inRoot() ? "." : "") + at.currentName());
            }
        }
        return String.join("", parts);
    }

    /** Plain printable ASCII without escapes cannot hold a forbidden character: such bodies need no parsing. */
    private static boolean mayHoldForbiddenText(byte[] body) {
        for (byte b : body) {
            boolean blank = b == ' ' || b == '\t' || b == '\n' || b == '\r';
            if ((b < 0x20 && !blank) || b == 0x7F || b == '\\') {
                return true; // bytes of non-ASCII characters are negative
            }
        }
        return false;
    }
}
