package io.livechain.web.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.livechain.web.Api;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's own OpenAPI document as a checker of real exchanges: the Atlassian validator checks status,
 * headers and body of each answer (and of each request meant to be valid), and the problem type of each error must
 * be one the document names for that operation and status. Mismatches are collected, so that one run reports them
 * all.
 */
final class Contract {

    /** A problem type named in a description: {@code `sold-out`:}. */
    static final Pattern NAMED_TYPE = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)*)`:");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document;
    private final OpenApiInteractionValidator validator;
    private final List<String> mismatches = new ArrayList<>();
    /** "METHOD /path/{template}" to the statuses seen. */
    private final Map<String, Set<Integer>> seen = new TreeMap<>();

    Contract(String document) {
        this.document = JSON.readTree(document);
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // a field the document does not describe is a mismatch too
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    JsonNode document() {
        return document;
    }

    /** Checks one exchange; {@code validRequest} is false for requests that are wrong on purpose. */
    void check(
            String method,
            String pathAndQuery,
            Map<String, String> requestHeaders,
            String requestBody,
            boolean validRequest,
            Api.Response response) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String exchange = method + " " + pathAndQuery + " -> " + response.status();
        Request.Method verb = Request.Method.valueOf(method);
        SimpleResponse answer = answer(response);
        ValidationReport report = validRequest
                ? validator.validate(request(verb, pathAndQuery, requestHeaders, requestBody), answer)
                : validator.validateResponse(path, verb, answer);
        if (report.hasErrors()) {
            mismatches.add(exchange + "\n"
                    + SimpleValidationReportFormat.getInstance().apply(report) + "\n" + response.body());
        }
        Optional<String> template = template(method, path);
        if (template.isEmpty()) {
            mismatches.add(exchange + ": no operation in the document");
            return;
        }
        seen.computeIfAbsent(method + " " + template.get(), any -> new TreeSet<>())
                .add(response.status());
        String contentType = response.contentType() == null ? "" : response.contentType();
        if (contentType.startsWith("application/problem+json")) {
            checkProblem(exchange, method, template.get(), response);
        }
    }

    private void checkProblem(String exchange, String method, String template, Api.Response response) {
        JsonNode problem = response.json();
        String type = response.problemType();
        JsonNode described = document.path("paths")
                .path(template)
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses")
                .path(Integer.toString(response.status()))
                .path("description");
        if (!namedTypes(described.asString("")).contains(type)) {
            mismatches.add(
                    exchange + ": problem type " + type + " is not named for this status: " + described.asString(""));
        }
        boolean replayed = "true".equals(response.header("Idempotent-Replayed"));
        if (!replayed && !problem.path("correlationId").asString("").equals(response.header("X-Request-Id"))) {
            mismatches.add(exchange + ": correlationId is not the X-Request-Id: " + response.body());
        }
    }

    static Set<String> namedTypes(String description) {
        Set<String> types = new TreeSet<>();
        Matcher named = NAMED_TYPE.matcher(description);
        while (named.find()) {
            types.add(named.group(1));
        }
        return types;
    }

    List<String> mismatches() {
        return mismatches;
    }

    Map<String, Set<Integer>> seen() {
        return seen;
    }

    /** Every operation of the document, as "METHOD /path/{template}". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private Optional<String> template(String method, String path) {
        String verb = method.toLowerCase(Locale.ROOT);
        // literal segments win over templated ones, as in Spring MVC
        return document.path("paths").propertyNames().stream()
                .filter(template -> document.path("paths").path(template).has(verb))
                .filter(template -> path.matches(template.replaceAll("\\{[^/]+}", "[^/]+")))
                .min((a, b) -> Long.compare(
                        a.chars().filter(c -> c == '{').count(),
                        b.chars().filter(c -> c == '{').count()));
    }

    private static SimpleRequest request(
            Request.Method method, String pathAndQuery, Map<String, String> headers, String body) {
        int query = pathAndQuery.indexOf('?');
        SimpleRequest.Builder request =
                new SimpleRequest.Builder(method, query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
        if (query >= 0) {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            for (String pair : pathAndQuery.substring(query + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters
                        .computeIfAbsent(decode(nameValue[0]), any -> new ArrayList<>())
                        .add(nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
            parameters.forEach(request::withQueryParam);
        }
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static SimpleResponse answer(Api.Response response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.raw().headers().map().forEach(answer::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return answer.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
