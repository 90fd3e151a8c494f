package io.livechain.web.openapi;

import io.livechain.web.support.CorrelationIdFilter;
import io.livechain.web.support.IdempotencyFilter;
import io.livechain.web.support.Positions;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers every operation shares, described the same way everywhere: problem+json errors with the statuses the
 * filters, security, Spring MVC and the container really produce, and the headers of idempotency, correlation,
 * creation and overload, and read-your-writes (the position a change names, the position a read asks for). An
 * operation's own business rules are described on its endpoint
 * ({@code @ApiResponse(responseCode = "409", description = "`sold-out`: ...")}); their text is kept and the shared
 * problem types are added to it.
 *
 * <p>Problem types are named in descriptions as {@code `type`:} followed by their meaning; docs/problems.md lists
 * every one.
 */
public final class CommonAnswers {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String REQUEST_ID = CorrelationIdFilter.HEADER;
    static final String IDEMPOTENCY_KEY = IdempotencyFilter.HEADER;
    static final String IDEMPOTENCY_KEY_REQUIRED = IdempotencyFilter.HEADER + "-required";
    static final String REPLAYED = IdempotencyFilter.REPLAYED_HEADER;
    static final String RETRY_AFTER = "Retry-After";
    static final String LOCATION = "Location";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String POSITION = Positions.HEADER;
    static final String STALE = Positions.STALE_HEADER;
    static final String MIN_POSITION = Positions.MIN_POSITION;
    static final String MIN_POSITION_HEADER = Positions.MIN_POSITION_HEADER;

    private static final String JSON = "application/json";

    private CommonAnswers() {}

    /**
     * What decides the shared answers of an operation.
     *
     * @param mutating POST, PUT, PATCH or DELETE: idempotency, body limits
     * @param body it reads a JSON body
     * @param parameters it reads path or query parameters
     * @param pathVariables it names an object in its path, which may not exist (or not be the caller's)
     * @param decidedByDesk the desk decides it: no key lock (no 409 in progress), and 503 {@code busy}
     * @param idempotencyKeyRequired it refuses requests without {@code Idempotency-Key}
     * @param negotiatesContent Spring MVC checks its {@code Accept} header (406)
     */
    public record Traits(
            boolean mutating,
            boolean body,
            boolean parameters,
            boolean pathVariables,
            boolean decidedByDesk,
            boolean idempotencyKeyRequired,
            boolean negotiatesContent) {}

    /** Adds what the operation shares with every other; safe to apply more than once. */
    public static Operation describe(Operation operation, Traits traits) {
        addParameter(operation, REQUEST_ID);
        if (traits.mutating()) {
            addParameter(operation, traits.idempotencyKeyRequired() ? IDEMPOTENCY_KEY_REQUIRED : IDEMPOTENCY_KEY);
        } else {
            addParameter(operation, MIN_POSITION);
            addParameter(operation, MIN_POSITION_HEADER);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                success(status, response, traits);
            }
        });
        problem(responses, "400", badRequest(traits), traits.mutating());
        problem(responses, "401", "`unauthenticated`: no API key, or one that is not valid.", false)
                .addHeaderObject(WWW_AUTHENTICATE, ref(WWW_AUTHENTICATE));
        problem(responses, "403", "`forbidden`: this API key's role may not use this endpoint.", false);
        if (traits.pathVariables() || responses.containsKey("404")) {
            problem(
                    responses,
                    "404",
                    "`not-found`: there is no such object, or it is another participant's.",
                    traits.mutating());
        }
        if (traits.negotiatesContent()) {
            problem(
                    responses,
                    "406",
                    "`not-acceptable`: the Accept header allows neither application/json nor"
                            + " application/problem+json.",
                    false);
        }
        if (traits.mutating() && !traits.decidedByDesk()) {
            problem(
                    responses,
                    "409",
                    "`idempotency-request-in-progress`: a request with this Idempotency-Key is still running; retry"
                            + " shortly. `concurrent-modification`: another request changed the same object at the"
                            + " same moment; retrying is safe.",
                    true);
        } else if (responses.containsKey("409")) {
            problem(responses, "409", "", traits.mutating());
        }
        if (traits.mutating()) {
            problem(
                    responses,
                    "413",
                    "`payload-too-large`: the body is larger than the limit (1 MiB unless configured).",
                    false);
        }
        if (traits.body()) {
            problem(responses, "415", "`unsupported-media-type`: the body is not application/json.", false);
        }
        if (traits.mutating()) {
            problem(
                    responses,
                    "422",
                    "`idempotency-key-reused`: this Idempotency-Key was used before for another request.",
                    true);
        } else if (responses.containsKey("422")) {
            problem(responses, "422", "", false);
        }
        problem(
                        responses,
                        "429",
                        "`rate-limited`: this API key sent more requests of this kind than its limit; nothing was"
                                + " changed: retry after Retry-After seconds.",
                        false)
                .addHeaderObject(RETRY_AFTER, ref(RETRY_AFTER));
        problem(
                responses,
                "500",
                "`internal-error`: the request could not be completed; it changed nothing and may be retried.",
                false);
        problem(responses, "503", unavailable(traits), false).addHeaderObject(RETRY_AFTER, ref(RETRY_AFTER));
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** The schemas, parameters and headers the operations refer to, and only the API's own paths. */
    public static void addComponents(OpenAPI openApi) {
        if (openApi.getPaths() != null) {
            openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
        }
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(FIELD_ERROR, fieldError());
        components.addSchemas(PROBLEM, problemSchema());
        components.addParameters(
                REQUEST_ID,
                new HeaderParameter()
                        .name(REQUEST_ID)
                        .required(false)
                        .description("Your id for this request, echoed in X-Request-Id and recorded as the"
                                + " correlationId of every event it causes. Other values are ignored and a new id is"
                                + " given.")
                        .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1,128}$")));
        components.addParameters(IDEMPOTENCY_KEY, idempotencyKey(false));
        components.addParameters(IDEMPOTENCY_KEY_REQUIRED, idempotencyKey(true));
        components.addHeaders(
                REQUEST_ID,
                new Header()
                        .required(true)
                        .description("The request's correlation id: the X-Request-Id sent, or a new one.")
                        .schema(new StringSchema()));
        components.addHeaders(
                REPLAYED,
                new Header()
                        .description("Present when this is the recorded answer to an earlier request with the same"
                                + " Idempotency-Key: nothing was changed this time.")
                        .schema(new StringSchema()._enum(List.of("true"))));
        components.addHeaders(
                RETRY_AFTER,
                new Header()
                        .required(true)
                        .description("Seconds to wait before retrying.")
                        .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)));
        components.addHeaders(
                LOCATION,
                new Header()
                        .description("Where the new object can be read.")
                        .schema(new StringSchema().format("uri-reference")));
        components.addHeaders(
                WWW_AUTHENTICATE,
                new Header().required(true).description("Bearer").schema(new StringSchema()));
        addPositions(components);
    }

    /** Read-your-writes (ADR 0010): what a change names, and what a read may ask for. */
    private static void addPositions(Components components) {
        components.addParameters(
                MIN_POSITION,
                new QueryParameter()
                        .name(MIN_POSITION)
                        .required(false)
                        .description("Read your writes: the LiveChain-Position of a change this read must reflect."
                                + " The answer waits until the read models reflect it, at most livechain.reads.max-wait"
                                + " (2 s unless configured); if they still do not, it is what they hold, with"
                                + " LiveChain-Stale: true.")
                        .schema(position()));
        components.addParameters(
                MIN_POSITION_HEADER,
                new HeaderParameter()
                        .name(MIN_POSITION_HEADER)
                        .required(false)
                        .description("The same as the minPosition parameter, as a header; given both, the higher"
                                + " counts.")
                        .schema(position()));
        components.addHeaders(
                POSITION,
                new Header()
                        .description("On a change: the position in the event store of the last event it caused"
                                + " (absent when it caused none); a replay names the same. On a read: the position up"
                                + " to which the read models reflected every event when it was answered. Give it to a"
                                + " read as minPosition to read your writes.")
                        .schema(position()));
        components.addHeaders(
                STALE,
                new Header()
                        .description("Present when the read models had not reached the minPosition asked for"
                                + " within the wait: the answer is what they held then.")
                        .schema(new StringSchema()._enum(List.of("true"))));
    }

    private static Schema<?> position() {
        return new IntegerSchema()
                .format("int64")
                .minimum(java.math.BigDecimal.ZERO)
                .maximum(java.math.BigDecimal.valueOf(999_999_999_999_999_999L));
    }

    private static void success(String status, ApiResponse response, Traits traits) {
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*") && !content.containsKey(JSON)) {
            // springdoc's default for ResponseEntity<byte[]> endpoints, which always answer JSON
            content.put(JSON, content.remove("*/*"));
        }
        response.addHeaderObject(REQUEST_ID, ref(REQUEST_ID));
        response.addHeaderObject(POSITION, ref(POSITION));
        if (traits.mutating()) {
            response.addHeaderObject(REPLAYED, ref(REPLAYED));
        } else {
            response.addHeaderObject(STALE, ref(STALE));
        }
        if ("201".equals(status)) {
            response.addHeaderObject(LOCATION, ref(LOCATION));
        }
    }

    private static ApiResponse problem(ApiResponses responses, String status, String shared, boolean replayable) {
        ApiResponse response = responses.computeIfAbsent(status, any -> new ApiResponse());
        String own = response.getDescription() == null ? "" : response.getDescription();
        if (!shared.isEmpty() && !own.contains(shared)) {
            own = own.isBlank() ? shared : own.strip() + " " + shared;
        }
        response.setDescription(own);
        response.setContent(new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        response.addHeaderObject(REQUEST_ID, ref(REQUEST_ID));
        if (replayable) {
            response.addHeaderObject(REPLAYED, ref(REPLAYED));
        }
        return response;
    }

    private static String badRequest(Traits traits) {
        List<String> types = new ArrayList<>();
        // a read can always be given an invalid minPosition
        types.add("`validation-failed`: a field or parameter is missing or invalid; `errors` names each one.");
        types.add(
                traits.body() || traits.parameters()
                        ? "`malformed-request`: the body is not JSON of this endpoint's shape, or a parameter cannot be"
                                + " read."
                        : "`malformed-request`: the request cannot be read.");
        if (traits.idempotencyKeyRequired()) {
            types.add("`idempotency-key-required`: this endpoint needs an Idempotency-Key.");
        }
        if (traits.mutating()) {
            types.add("`idempotency-key-invalid`: the Idempotency-Key is not 1 to 255 visible ASCII characters.");
        }
        return String.join(" ", types);
    }

    private static String unavailable(Traits traits) {
        String databaseAway = "`unavailable`: the database cannot be reached just now (answered at once); retry after"
                + " Retry-After seconds with the same Idempotency-Key.";
        return traits.decidedByDesk() || traits.idempotencyKeyRequired()
                ? "`busy`: too many requests are waiting; nothing was changed: retry after Retry-After seconds with"
                        + " the same Idempotency-Key. " + databaseAway
                : databaseAway;
    }

    private static void addParameter(Operation operation, String component) {
        String name = component.equals(IDEMPOTENCY_KEY_REQUIRED) ? IDEMPOTENCY_KEY : component;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean present = parameters.stream()
                .anyMatch(parameter -> name.equalsIgnoreCase(parameter.getName())
                        || (parameter.get$ref() != null
                                && parameter.get$ref().startsWith("#/components/parameters/" + name)));
        if (!present) {
            operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + component));
        }
    }

    private static Parameter idempotencyKey(boolean required) {
        return new HeaderParameter()
                .name(IDEMPOTENCY_KEY)
                .required(required)
                .description("Makes a retry safe: the same key with the same request returns the first answer"
                        + " (Idempotent-Replayed: true) and changes nothing; keys are scoped to your API key and kept"
                        + " at least 24 hours.")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One field or parameter that was missing or invalid.")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("As the client wrote it, e.g. offers[0].quantity or"
                                        + " shippingAddress.zone."))
                .addProperty("message", new StringSchema().description("What is wrong with it."))
                .required(List.of("field", "message"));
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("Stable: https://livechain.io/problems/<type>. Branch on it, never on detail."));
        properties.put("title", new StringSchema().description("The HTTP status in words."));
        properties.put("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)));
        properties.put("detail", new StringSchema().description("What went wrong, for people."));
        properties.put("instance", new StringSchema().format("uri-reference"));
        properties.put(
                "correlationId",
                new StringSchema()
                        .description("The request's correlation id (X-Request-Id): quote it to support; it is in"
                                + " the logs and in the audit trail of every event the request caused."));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("For validation-failed: each field or parameter that is missing or invalid."));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem: every error answer. docs/problems.md lists every type.");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", "detail", "correlationId"));
        return problem;
    }

    private static Header ref(String component) {
        return new Header().$ref("#/components/headers/" + component);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }
}
