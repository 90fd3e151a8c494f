package io.livechain.web.support;

import io.livechain.access.Caller;
import io.livechain.access.IdempotentRequests;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.position.AppendedPositions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every mutating API request runs in one database transaction, and its answer is only sent after that transaction
 * committed: a 2xx is never given for a change that could still be lost.
 *
 * <p>With an {@code Idempotency-Key} the answer is recorded in the same transaction, scoped per API key: the same
 * key and body replay the first answer, another body is 422, and a request still running with the same key is 409
 * (a transaction-scoped advisory lock, so nothing waits). Rejections (4xx) are recorded too, after their changes
 * were rolled back; failures (5xx) are not, so they can be retried.
 *
 * <p>A 2xx that appended events names the position of the last one in {@code LiveChain-Position} (ADR 0010), once
 * the transaction committed; the recorded answer keeps it, so a replay names it too.
 */
@Component
@Order(0)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /**
     * Request attribute: the top-level fields of a JSON answer that are secrets (a new API key). They are left out of
     * the recorded answer, so a replay never shows them again and the database never holds them.
     */
    public static final String SECRET_FIELDS = IdempotencyFilter.class.getName() + ".secretFields";
    /** Request attribute: the request's fingerprint (method, path, query, body), for endpoints the desk decides. */
    public static final String FINGERPRINT = IdempotencyFilter.class.getName() + ".fingerprint";

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotentRequests requests;
    private final AppendedPositions positions;
    private final TransactionTemplate transactions;
    private final ProblemResponses problems;
    private final JsonMapper json;
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    private final int maxBodyBytes;

    public IdempotencyFilter(
            IdempotentRequests requests,
            AppendedPositions positions,
            TransactionTemplate transactions,
            ProblemResponses problems,
            JsonMapper json,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers,
            HttpProperties http) {
        this.handlers = handlers;
        this.requests = requests;
        this.positions = positions;
        this.transactions = transactions;
        this.problems = problems;
        this.json = json;
        this.maxBodyBytes = http.maxBodyBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        var forbidden = JsonFields.firstForbiddenText(json, body);
        if (forbidden.isPresent()) {
            // e.g. U+0000, which PostgreSQL text cannot hold: in an event, it would fail every read model after it
            problems.write(response, ProblemResponses.invalidField(forbidden.get()));
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, body);
        String key = request.getHeader(HEADER);
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            problems.write(
                    response,
                    ProblemTypes.problem(
                            HttpStatus.BAD_REQUEST,
                            ProblemTypes.IDEMPOTENCY_KEY_INVALID,
                            "Idempotency-Key must be 1 to 255 visible ASCII characters"));
            return;
        }
        if (decidedByDesk(cached)) {
            cached.setAttribute(FINGERPRINT, fingerprint(cached));
            chain.doFilter(cached, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Caller caller = caller();
        if (key == null || caller == null) {
            long position = inTransaction(cached, buffered, chain);
            if (buffered.getStatus() < 400 && position != AppendedPositions.NONE) {
                response.setHeader(Positions.HEADER, Long.toString(position));
            }
            buffered.copyBodyToResponse();
            return;
        }
        byte[] fingerprint = fingerprint(cached);
        Outcome outcome = runOnce(caller, key, fingerprint, cached, buffered, chain);
        switch (outcome) {
            case Outcome.Handled handled -> {
                if (handled.position() != AppendedPositions.NONE) {
                    response.setHeader(Positions.HEADER, Long.toString(handled.position()));
                }
                buffered.copyBodyToResponse();
            }
            case Outcome.Replay replay -> replay(response, replay.recorded());
            case Outcome.InProgress inProgress ->
                problems.write(
                        response,
                        ProblemTypes.problem(
                                HttpStatus.CONFLICT,
                                ProblemTypes.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                                "a request with this Idempotency-Key is still being processed; retry shortly"));
            case Outcome.Mismatch mismatch ->
                problems.write(
                        response,
                        ProblemTypes.problem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                                "this Idempotency-Key was already used for a different request"));
        }
    }

    /** Runs the request in one transaction; returns the position of the last event it appended, if any. */
    private long inTransaction(CachedBodyRequest request, ContentCachingResponseWrapper response, FilterChain chain) {
        try (AppendedPositions.Tracking appended = positions.track()) {
            transactions.executeWithoutResult(status -> {
                proceed(request, response, chain);
                if (response.getStatus() >= 400) {
                    status.setRollbackOnly();
                }
            });
            return appended.last();
        }
    }

    private Outcome runOnce(
            Caller caller,
            String key,
            byte[] fingerprint,
            CachedBodyRequest request,
            ContentCachingResponseWrapper response,
            FilterChain chain) {
        try (AppendedPositions.Tracking appended = positions.track()) {
            return transactions.execute(status -> {
                if (!requests.tryLock(caller.apiKeyId(), key)) {
                    return new Outcome.InProgress();
                }
                var earlier = requests.find(caller.apiKeyId(), key);
                if (earlier.isPresent()) {
                    return Arrays.equals(earlier.get().requestHash(), fingerprint)
                            ? new Outcome.Replay(earlier.get())
                            : new Outcome.Mismatch();
                }
                Object beforeRequest = status.createSavepoint();
                proceed(request, response, chain);
                int code = response.getStatus();
                if (code >= 500) {
                    status.setRollbackOnly();
                    return new Outcome.Handled(AppendedPositions.NONE);
                }
                if (code >= 400) {
                    // a rejection changes nothing, but its answer is kept like any other
                    status.rollbackToSavepoint(beforeRequest);
                }
                status.releaseSavepoint(beforeRequest);
                long position = code < 400 ? appended.last() : AppendedPositions.NONE;
                requests.record(
                        caller.apiKeyId(),
                        key,
                        new RecordedResponse(
                                fingerprint,
                                code,
                                response.getContentType(),
                                response.getHeader(HttpHeaders.LOCATION),
                                withoutSecrets(request, response.getContentAsByteArray()),
                                position));
                return new Outcome.Handled(position);
            });
        }
    }

    private static void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] withoutSecrets(HttpServletRequest request, byte[] body) {
        if (!(request.getAttribute(SECRET_FIELDS) instanceof Collection<?> fields) || body.length == 0) {
            return body;
        }
        JsonNode answer = json.readTree(body);
        if (answer instanceof ObjectNode object) {
            fields.forEach(field -> object.remove(field.toString()));
            return json.writeValueAsBytes(object);
        }
        return body;
    }

    private static void replay(HttpServletResponse response, RecordedResponse recorded) throws IOException {
        response.setStatus(recorded.status());
        if (recorded.contentType() != null) {
            response.setContentType(recorded.contentType());
        }
        if (recorded.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, recorded.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        Positions.name(response, recorded);
        response.getOutputStream().write(recorded.body());
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        problems.write(
                response,
                ProblemTypes.problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        ProblemTypes.PAYLOAD_TOO_LARGE,
                        "the request body exceeds " + maxBodyBytes + " bytes"));
    }

    private boolean decidedByDesk(HttpServletRequest request) {
        try {
            HandlerExecutionChain handler = handlers.getObject().getHandler(request);
            return handler != null
                    && handler.getHandler() instanceof HandlerMethod method
                    && method.hasMethodAnnotation(DecidedByDesk.class);
        } catch (Exception e) {
            return false; // no such endpoint: Spring MVC will answer
        }
    }

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }

    /** Method, path, query and body: the same key on another request is a client mistake. */
    private static byte[] fingerprint(CachedBodyRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ' ');
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                digest.update((byte) '?');
                digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) '\n');
            digest.update(request.body());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private sealed interface Outcome {
        /** Decided now; {@code position} is that of its last event, when it is a 2xx that appended any. */
        record Handled(long position) implements Outcome {}

        record Replay(RecordedResponse recorded) implements Outcome {}

        record InProgress() implements Outcome {}

        record Mismatch() implements Outcome {}
    }
}
