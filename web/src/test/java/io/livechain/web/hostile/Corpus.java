package io.livechain.web.hostile;

import io.livechain.web.hostile.Endpoints.Endpoint;
import io.livechain.web.hostile.Endpoints.QueryParameter;
import io.livechain.web.hostile.Endpoints.Request;
import io.livechain.web.hostile.Endpoints.Shape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What hostile and careless clients send, as data: for one endpoint and a valid request of it, every variant of that
 * request with one thing wrong (a field, the body, a path id, a query parameter, a header). Each variant is a
 * {@link Case}; the valid request is never among them.
 */
final class Corpus {

    /**
     * One hostile request.
     *
     * @param label what is wrong, for the report
     * @param refused whether the platform must refuse it (4xx); otherwise any answer but a 5xx will do
     * @param field the request field the problem must name, or null
     * @param coercion a value of another JSON type that a lenient reader converts (see {@link Value})
     */
    record Case(
            Endpoint endpoint,
            String label,
            String method,
            String target,
            List<String[]> headers,
            byte[] body,
            boolean refused,
            String field,
            boolean coercion) {}

    /**
     * A JSON literal to put in place of a field's value.
     *
     * @param coercion a scalar of another JSON type that a lenient reader would convert ({@code "1"} to 1, 1.5 to 1,
     *     12345 to {@code "12345"}, 0 to an instant)
     */
    record Value(String name, String json, boolean coercion) {

        Value(String name, String json) {
            this(name, json, false);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Request fields that are identifiers, not free text: a space or a slash in them is a mistake. */
    private static final Set<String> IDENTIFIERS = Set.of("sku", "zone", "zones", "buyerId");

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*Z");
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    // ---- values, by the kind of the field they replace -----------------------------------------------------------

    /** Appended to a text field's valid value: characters no text field may hold. */
    static final List<Value> CONTROL_CHARACTERS = List.of(
            new Value("U+0000 (NUL)", "\\u0000"),
            new Value("U+0001", "\\u0001"),
            new Value("U+0008 (backspace)", "\\b"),
            new Value("U+0009 (tab)", "\\t"),
            new Value("U+000A (line feed)", "\\n"),
            new Value("U+001B (escape)", "\\u001b"),
            new Value("U+007F (delete)", "\\u007f"),
            new Value("U+0085 (next line)", "\\u0085"),
            new Value("U+202E (right-to-left override)", "\\u202e"),
            new Value("U+2066 (left-to-right isolate)", "\\u2066"),
            new Value("U+D800 (lone surrogate)", "\\ud800"));

    static final List<Value> EXTREME_DATES = List.of(
            new Value("year 0", "\"0000-01-01T00:00:00Z\""),
            new Value("year 10000", "\"+10000-01-01T00:00:00Z\""),
            new Value("year 1969", "\"1969-12-31T23:59:59Z\""),
            new Value("year -999999999", "\"-999999999-01-01T00:00:00Z\""),
            new Value("February 30", "\"2026-02-30T10:00:00Z\""),
            new Value("no offset", "\"2026-06-01T10:00:00\""),
            new Value("not a date", "\"next friday\""),
            new Value("epoch 0 as a number", "0", true),
            new Value("1e400 as a number", "1e400", true));

    static final List<Value> HUGE_INTEGERS = List.of(
            new Value("-1", "-1"),
            new Value("2^31-1", "2147483647"),
            new Value("2^31", "2147483648"),
            new Value("2^63", "9223372036854775808"),
            new Value("-2^63-1", "-9223372036854775809"),
            new Value("1e400", "1e400"),
            new Value("1001 digits", "1" + "0".repeat(1000)),
            new Value("fraction", "1.5", true));

    static final List<Value> HUGE_DECIMALS = List.of(
            new Value("-1", "-1"),
            new Value("0", "0"),
            new Value("three decimals", "1.001"),
            new Value("1e10", "10000000000"),
            new Value("1e400", "1e400"),
            new Value("-1e400", "-1e400"),
            new Value("1e-400", "1e-400"),
            new Value("1001 digits", "1" + "0".repeat(1000)));

    // ---- cases ----------------------------------------------------------------------------------------------------

    /** Every hostile variant of the endpoint's valid request {@code ours}, sent with {@code key}. */
    static List<Case> of(Endpoint endpoint, Shape shape, Request ours, String key) {
        List<Case> cases = new ArrayList<>();
        Base base = new Base(endpoint, ours, key);
        if (ours.body() != null) {
            cases.addAll(bodyFields(base));
            cases.addAll(wholeBodies(base));
            cases.addAll(idempotencyKeys(base));
        }
        cases.addAll(pathIds(base));
        cases.addAll(queries(base, shape));
        if (endpoint.method().equals("GET")) {
            cases.addAll(positions(base));
        }
        cases.addAll(authorizations(base));
        cases.addAll(SEMANTIC.getOrDefault(endpoint.toString(), List.of()).stream()
                .map(mistake ->
                        base.withBody(mistake.label(), mistake.apply(ours.body()), true, mistake.field(), false))
                .toList());
        return cases;
    }

    /** Each field of the body in turn replaced, everything else valid. */
    private static List<Case> bodyFields(Base base) {
        List<Case> cases = new ArrayList<>();
        JsonNode tree = JSON.readTree(base.ours.body());
        forEachNode(tree, "", (path, node) -> {
            for (Value value : valuesFor(path, node)) {
                String body = replaced(tree, path, value.json());
                cases.add(base.withBody(path + " ← " + value.name(), body, true, path, value.coercion()));
            }
        });
        return cases;
    }

    private static List<Value> valuesFor(String path, JsonNode node) {
        List<Value> values = new ArrayList<>();
        values.add(new Value("null", "null"));
        String name = path.replaceAll("\\[\\d+]", "");
        name = name.substring(name.lastIndexOf('.') + 1);
        if (node.isString()) {
            String valid = node.asString();
            String quoted = JSON.writeValueAsString(valid);
            String open = quoted.substring(0, quoted.length() - 1);
            CONTROL_CHARACTERS.forEach(c -> values.add(new Value(c.name(), open + c.json() + "\"")));
            values.add(new Value("empty", "\"\""));
            values.add(new Value("blank", "\"   \""));
            values.add(new Value("10,000 characters", open + "x".repeat(10_000) + "\""));
            values.add(new Value("a number", "12345", true));
            values.add(new Value("a boolean", "true", true));
            values.add(new Value("an object", "{}"));
            values.add(new Value("an array", "[]"));
            if (UUID_TEXT.matcher(valid).matches()) {
                values.add(new Value("not a UUID", "\"not-a-uuid\""));
                values.add(new Value("a UUID and more", open + "-0\""));
            }
            if (INSTANT_TEXT.matcher(valid).matches()) {
                values.addAll(EXTREME_DATES);
            }
            if (IDENTIFIERS.contains(name)) {
                values.add(new Value("with a space", open + " X\""));
                values.add(new Value("with a slash", open + "/X\""));
                values.add(new Value("with an accent", open + "\u00e9\""));
            }
        } else if (node.isIntegralNumber()) {
            values.addAll(HUGE_INTEGERS);
            values.add(new Value("number as text", "\"" + node.asString() + "\"", true));
            values.add(new Value("a boolean", "true"));
            values.add(new Value("an object", "{}"));
            values.add(new Value("an array", "[]"));
        } else if (node.isNumber()) {
            values.addAll(HUGE_DECIMALS);
            values.add(new Value("number as text", "\"" + node.asString() + "\"", true));
            values.add(new Value("a boolean", "true"));
            values.add(new Value("an object", "{}"));
        } else if (node.isBoolean()) {
            values.add(new Value("boolean as text", "\"" + node.asString() + "\"", true));
            values.add(new Value("a number", "1", true));
            values.add(new Value("an object", "{}"));
        } else if (node.isObject()) {
            values.add(new Value("text", "\"x\""));
            values.add(new Value("an array", "[]"));
            values.add(new Value("empty object", "{}"));
        } else if (node.isArray()) {
            values.add(new Value("text", "\"x\""));
            values.add(new Value("an object", "{}"));
            values.add(new Value("empty array", "[]"));
            values.add(new Value("[null]", "[null]"));
            if (!node.isEmpty()) {
                values.add(new Value("1,000 copies of its first element", copies(node.get(0), 1000)));
            }
        }
        return values;
    }

    /** The body itself broken. */
    private static List<Case> wholeBodies(Base base) {
        String valid = base.ours.body();
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("truncated JSON", valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8));
        bodies.put("empty body", new byte[0]);
        bodies.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("JSON array", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("JSON text", "\"x\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("JSON number", "1e400".getBytes(StandardCharsets.UTF_8));
        bodies.put("nested 100,000 deep", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put(
                "a raw NUL byte",
                (valid.substring(0, valid.length() - 1) + ",\"x\u0000\":1}").getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", invalidUtf8(valid));
        bodies.put(
                "1 MiB + 1 of blanks",
                (" ".repeat(MAX_BODY_BYTES + 1 - valid.length()) + valid).getBytes(StandardCharsets.UTF_8));
        bodies.forEach((label, body) -> cases.add(base.withRawBody(label, body, "application/json")));
        cases.add(base.withRawBody("text/plain", valid.getBytes(StandardCharsets.UTF_8), "text/plain"));
        cases.add(base.withRawBody("no content type", valid.getBytes(StandardCharsets.UTF_8), null));
        cases.add(base.withRawBody(
                "form content type", "a=b".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
        return cases;
    }

    /** The valid request, with an Idempotency-Key no server may accept. */
    private static List<Case> idempotencyKeys(Base base) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("empty", "");
        keys.put("256 characters", "k".repeat(256));
        keys.put("300 characters", "k".repeat(300));
        keys.put("a space inside", "key one");
        keys.put("a tab inside", "key\tone");
        keys.put("U+0001 inside", "key\u0001one");
        keys.put("U+007F inside", "key\u007fone");
        keys.put("non-ASCII", "ключ");
        List<Case> cases = new ArrayList<>();
        keys.forEach((label, key) -> cases.add(base.with(
                "Idempotency-Key " + label,
                base.ours.path(),
                headers(base.auth(), new String[] {"Content-Type", "application/json"}, new String[] {
                    "Idempotency-Key", key
                }),
                base.ours.body().getBytes(StandardCharsets.UTF_8),
                true,
                null)));
        return cases;
    }

    /** Each id in the path replaced. */
    private static List<Case> pathIds(Base base) {
        String[] template = base.endpoint.template().split("/");
        String path = base.ours.path();
        int query = path.indexOf('?');
        String[] segments = (query < 0 ? path : path.substring(0, query)).split("/");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < template.length; i++) {
            if (!template[i].startsWith("{")) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("not a UUID", "not-a-uuid");
            values.put("nil UUID", "00000000-0000-0000-0000-000000000000");
            values.put("5,000 characters", "a".repeat(5_000));
            values.put("10,000 characters", "a".repeat(10_000));
            values.put("encoded NUL", "%00");
            values.put("encoded U+0001", "%01");
            values.put("encoded slash", segments[i] + "%2Fx");
            values.put("encoded space", segments[i] + "%20x");
            values.put("encoded right-to-left override", segments[i] + "%E2%80%AE");
            values.put("encoded invalid UTF-8", "%C3%28");
            values.put("dot dot", "..");
            values.put("65 characters", "A".repeat(65));
            for (var value : values.entrySet()) {
                String[] changed = segments.clone();
                changed[i] = value.getValue();
                String target = String.join("/", changed) + (query < 0 ? "" : path.substring(query));
                cases.add(base.withTarget(template[i] + " ← " + value.getKey(), target, true));
            }
        }
        return cases;
    }

    /** Each declared query parameter given what it cannot take. */
    private static List<Case> queries(Base base, Shape shape) {
        List<Case> cases = new ArrayList<>();
        for (QueryParameter parameter : shape.query()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("5,000 characters", "a".repeat(5_000));
            values.put("encoded NUL", "%00");
            values.put("encoded U+0001", "%01");
            values.put("encoded right-to-left override", "%E2%80%AE");
            values.put("encoded invalid UTF-8", "%C3%28");
            if (parameter.type() == int.class || parameter.type() == Integer.class) {
                values.put("0", "0");
                values.put("-1", "-1");
                values.put("2^31-1", "2147483647");
                values.put("2^31", "2147483648");
                values.put("2^63", "9223372036854775808");
                values.put("fraction", "1.5");
                values.put("text", "ten");
            } else if (parameter.type() == UUID.class) {
                values.put("not a UUID", "not-a-uuid");
            } else if (parameter.type().isEnum()) {
                values.put(
                        "lower-case",
                        parameter.type().getEnumConstants()[0].toString().toLowerCase());
                values.put("unknown", "NO_SUCH_VALUE");
            } else if (parameter.name().equals("status")) {
                values.put("lower-case", "placed");
                values.put("unknown", "NO_SUCH_STATUS");
            } else if (parameter.name().equals("asOf")) {
                values.put("not an instant", "yesterday");
                values.put("a date only", "2026-11-27");
                values.put("no zone", "2026-11-27T20:03:17");
                values.put("epoch seconds", "1764273797");
                values.put("ten fraction digits", "2026-11-27T20:03:17.1234567891Z");
                values.put("the future", "9999-12-31T23:59:59Z");
                values.put("year 300000", "%2B300000-01-01T00:00:00Z");
                values.put("before anything existed", "1969-12-31T23:59:59Z");
            } else if (parameter.name().equals("cursor")) {
                values.put("201 characters", "A".repeat(201));
                values.put("garbage", "!!!");
                values.put("not base64 of a cursor", "bm90LWEtY3Vyc29y");
                values.put("out of range", cursor(Long.MAX_VALUE));
                values.put("negative out of range", cursor(Long.MIN_VALUE));
                values.put("year 300000", cursor(9_000_000_000_000_000L));
            }
            values.forEach((label, value) -> cases.add(base.withTarget(
                    parameter.name() + " ← " + label, withQuery(base.ours.path(), parameter.name(), value), true)));
            cases.add(base.withTarget(
                    parameter.name() + " ← repeated",
                    withQuery(base.ours.path(), parameter.name(), "A") + "&" + parameter.name() + "=B",
                    true));
            cases.add(base.withTarget(
                    parameter.name() + " ← empty", withQuery(base.ours.path(), parameter.name(), ""), false));
        }
        QUERY_MISTAKES
                .getOrDefault(base.endpoint.toString(), Map.of())
                .forEach((parameter, value) -> cases.add(base.withTarget(
                        parameter + " ← " + value, withQuery(base.ours.path(), parameter, value), true)));
        return cases;
    }

    /** A read's minimum position (read-your-writes), as the parameter and as the header, given what it cannot take. */
    private static List<Case> positions(Base base) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("text", "soon");
        values.put("-1", "-1");
        values.put("fraction", "1.5");
        values.put("2^63", "9223372036854775808");
        values.put("19 digits", "1000000000000000000");
        values.put("5,000 characters", "9".repeat(5_000));
        values.put("encoded NUL", "%00");
        List<Case> cases = new ArrayList<>();
        values.forEach((label, value) -> {
            cases.add(base.with(
                    "minPosition ← " + label,
                    withQuery(base.ours.path(), "minPosition", value),
                    headers(base.auth()),
                    null,
                    true,
                    "minPosition"));
            if (!value.startsWith("%") && value.length() < 100) {
                cases.add(base.with(
                        "LiveChain-Min-Position ← " + label,
                        base.ours.path(),
                        headers(base.auth(), new String[] {"LiveChain-Min-Position", value}),
                        null,
                        true,
                        "LiveChain-Min-Position"));
            }
        });
        cases.add(base.with(
                "minPosition ← repeated",
                withQuery(base.ours.path(), "minPosition", "1") + "&minPosition=2",
                headers(base.auth()),
                null,
                true,
                "minPosition"));
        return cases;
    }

    /** Authorization headers that are not a key. */
    private static List<Case> authorizations(Base base) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("empty", "");
        values.put("Bearer and nothing", "Bearer ");
        values.put("Basic credentials", "Basic dXNlcjpwYXNz");
        values.put("a 10,000-character key", "Bearer lc_" + "k".repeat(10_000));
        values.put("a key with U+0001", "Bearer lc_\u0001key");
        values.put("a non-ASCII key", "Bearer lc_ключ");
        List<Case> cases = new ArrayList<>();
        values.forEach((label, value) -> {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Authorization", value});
            if (base.ours.body() != null) {
                headers.add(new String[] {"Content-Type", "application/json"});
                headers.add(new String[] {"Idempotency-Key", UUID.randomUUID().toString()});
            }
            cases.add(base.with(
                    "Authorization " + label,
                    base.ours.path(),
                    headers,
                    base.ours.body() == null ? null : base.ours.body().getBytes(StandardCharsets.UTF_8),
                    true,
                    null));
        });
        return cases;
    }

    // ---- the mistakes issue 9 found answered 500 ----------------------------------------------------------------

    /** A mistake that needs more than one field to make: a function of the valid body. */
    record Mistake(String label, String field, UnaryOperator<ObjectNode> change) {

        String apply(String valid) {
            return JSON.writeValueAsString(change.apply((ObjectNode) JSON.readTree(valid)));
        }
    }

    static final Map<String, List<Mistake>> SEMANTIC = Map.of(
            "POST /api/v1/live-streams",
            List.of(
                    new Mistake(
                            "endsAt equal to startsAt",
                            "endsAt",
                            body -> body.put("endsAt", body.get("startsAt").asString())),
                    new Mistake("endsAt before startsAt", "endsAt", body -> {
                        String starts = body.get("startsAt").asString();
                        return body.put("startsAt", body.get("endsAt").asString())
                                .put("endsAt", starts);
                    }),
                    new Mistake("perBuyerLimit above quantity", "offers[0].perBuyerLimit", body -> {
                        ((ObjectNode) body.get("offers").get(0))
                                .put("quantity", 5)
                                .put("perBuyerLimit", 6);
                        return body;
                    }),
                    new Mistake("one SKU offered twice", "offers[1].sku", body -> {
                        ArrayNode offers = (ArrayNode) body.get("offers");
                        offers.add(offers.get(0).deepCopy());
                        return body;
                    }),
                    new Mistake("101 offers", "offers", body -> {
                        ArrayNode offers = (ArrayNode) body.get("offers");
                        for (int i = 0; i < 100; i++) {
                            offers.add(((ObjectNode) offers.get(0).deepCopy()).put("sku", "SKU-" + i));
                        }
                        return body;
                    })),
            "POST /api/v1/orders",
            List.of(
                    new Mistake("one SKU on two lines", "lines[1].sku", body -> {
                        ArrayNode lines = (ArrayNode) body.get("lines");
                        lines.add(lines.get(0).deepCopy());
                        return body;
                    }),
                    new Mistake("51 lines", "lines", body -> {
                        ArrayNode lines = (ArrayNode) body.get("lines");
                        for (int i = 0; i < 50; i++) {
                            lines.add(((ObjectNode) lines.get(0).deepCopy()).put("sku", "SKU-" + i));
                        }
                        return body;
                    })),
            "POST /api/v1/factory/batches/{id}/complete",
            List.of(new Mistake(
                    "more passed quality control than were made",
                    "qcPassedQuantity",
                    body -> body.put("producedQuantity", 5).put("qcPassedQuantity", 6))),
            "POST /api/v1/admin/couriers",
            List.of(new Mistake("51 zones", "zones", body -> {
                ArrayNode zones = body.putArray("zones");
                for (int i = 0; i < 51; i++) {
                    zones.add("zone-" + i);
                }
                return body;
            })));

    /** Query values out of one endpoint's own range. */
    static final Map<String, Map<String, String>> QUERY_MISTAKES = Map.of("GET /api/v1/orders", Map.of("limit", "201"));

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A valid request and who sends it: the base every case changes one thing of. */
    private record Base(Endpoint endpoint, Request ours, String key) {

        String[] auth() {
            return new String[] {"Authorization", "Bearer " + key};
        }

        Case withBody(String label, String body, boolean refused, String field, boolean coercion) {
            return new Case(
                    endpoint,
                    label,
                    endpoint.method(),
                    ours.path(),
                    headers(auth(), new String[] {"Content-Type", "application/json"}, freshKey()),
                    body.getBytes(StandardCharsets.UTF_8),
                    refused,
                    field,
                    coercion);
        }

        Case withRawBody(String label, byte[] body, String contentType) {
            List<String[]> headers = headers(auth(), freshKey());
            if (contentType != null) {
                headers.add(new String[] {"Content-Type", contentType});
            }
            return with(label, ours.path(), headers, body, true, null);
        }

        Case withTarget(String label, String target, boolean refused) {
            List<String[]> headers = headers(auth());
            byte[] body = null;
            if (ours.body() != null) {
                headers.add(new String[] {"Content-Type", "application/json"});
                headers.add(freshKey());
                body = ours.body().getBytes(StandardCharsets.UTF_8);
            }
            return with(label, target, headers, body, refused, null);
        }

        Case with(String label, String target, List<String[]> headers, byte[] body, boolean refused, String field) {
            return new Case(endpoint, label, endpoint.method(), target, headers, body, refused, field, false);
        }
    }

    private static String[] freshKey() {
        return new String[] {"Idempotency-Key", UUID.randomUUID().toString()};
    }

    private static List<String[]> headers(String[]... headers) {
        return new ArrayList<>(java.util.Arrays.asList(headers));
    }

    /** Calls {@code visit} with every node below the root, by its path as a client names it. */
    private static void forEachNode(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                visit.accept(child, field.getValue());
                forEachNode(field.getValue(), child, visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                visit.accept(child, node.get(i));
                forEachNode(node.get(i), child, visit);
            }
        }
    }

    private static final String MARK = "@@hostile-value@@";

    /** The body with the node at {@code path} replaced by a raw JSON literal (which need not be valid JSON). */
    private static String replaced(JsonNode tree, String path, String json) {
        JsonNode copy = tree.deepCopy();
        String[] steps = path.split("\\.|(?=\\[)");
        JsonNode parent = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), MARK);
        } else {
            ((ObjectNode) parent).put(last, MARK);
        }
        return JSON.writeValueAsString(copy).replace("\"" + MARK + "\"", json);
    }

    private static JsonNode step(JsonNode node, String step) {
        return step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : node.get(step);
    }

    private static String copies(JsonNode element, int count) {
        String one = JSON.writeValueAsString(element);
        return "[" + String.join(",", java.util.Collections.nCopies(count, one)) + "]";
    }

    private static byte[] invalidUtf8(String valid) {
        byte[] start = valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",\"x\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[start.length + tail.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(tail, 0, body, start.length, tail.length);
        return body;
    }

    private static String cursor(long epochMillis) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((epochMillis + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    /** The path with one query parameter set to a raw (already encoded) value. */
    private static String withQuery(String path, String name, String value) {
        int query = path.indexOf('?');
        String base = query < 0 ? path : path.substring(0, query);
        List<String> params = new ArrayList<>();
        if (query >= 0) {
            for (String param : path.substring(query + 1).split("&")) {
                if (!param.startsWith(name + "=")) {
                    params.add(param);
                }
            }
        }
        params.add(name + "=" + value);
        return base + "?" + String.join("&", params);
    }

    private Corpus() {}
}
