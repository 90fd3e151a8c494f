package io.livechain.web.merchant;

import static io.livechain.audit.AuditMetadata.ACTOR_ID;
import static io.livechain.audit.AuditMetadata.ACTOR_ROLE;
import static io.livechain.audit.AuditMetadata.CORRELATION_ID;

import io.livechain.access.Caller;
import io.livechain.access.IdempotentRequests;
import io.livechain.access.IdempotentRequests.Key;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.access.Role;
import io.livechain.desk.AvailabilityBoard;
import io.livechain.desk.Desk;
import io.livechain.desk.DeskOutcome;
import io.livechain.desk.DeskRequest;
import io.livechain.order.OrderId;
import io.livechain.order.ShippingAddress;
import io.livechain.order.desk.OrderPlacement;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.RequestedLine;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.LiveStreamId;
import io.livechain.web.security.KeyCheck;
import io.livechain.web.security.RateLimits;
import io.livechain.web.support.ApiExceptionHandler;
import io.livechain.web.support.CorrelationIdFilter;
import io.livechain.web.support.DatabaseUnavailable;
import io.livechain.web.support.IdempotencyFilter;
import io.livechain.web.support.JsonFieldErrors;
import io.livechain.web.support.JsonFields;
import io.livechain.web.support.Positions;
import io.livechain.web.support.ProblemResponses;
import io.livechain.web.support.ProblemTypes;
import io.livechain.web.warroom.IntakeWatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/orders}, the flash sale's hot path, served in one lean piece ahead of the general filter chain:
 * API key, body, a self-validating {@link OrderPlacement}, the {@link AvailabilityBoard}'s certain "no" without the
 * desk, else the {@link Desk}'s decision, and the answer. The general chain (security, observations, Spring MVC)
 * costs several times what the decision itself costs; everything it would do for this endpoint is done here:
 * authentication and role, the key's rate limit, correlation id, body limit, idempotency, problem+json, metrics, and
 * the position of the order's events ({@code LiveChain-Position}, which the desk learnt once for the whole batch). See
 * ADR 0004, ADR 0007 and ADR 0010.
 */
public final class OrderIntake implements Filter {

    public static final String PATH = "/api/v1/orders";

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final byte[] FINGERPRINT_PREFIX = ("POST " + PATH + "\n").getBytes(StandardCharsets.UTF_8);

    private final KeyCheck keys;
    private final AvailabilityBoard board;
    private final Desk desk;
    private final IdempotentRequests idempotentRequests;
    private final JsonMapper json;
    private final ObjectReader orderReader;
    private final int maxBodyBytes;
    private final RateLimits rateLimits;
    private final MeterRegistry meters;
    private final Clock clock;
    private final IntakeWatch watch;
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

    public OrderIntake(
            KeyCheck keys,
            AvailabilityBoard board,
            Desk desk,
            IdempotentRequests idempotentRequests,
            JsonMapper json,
            int maxBodyBytes,
            RateLimits rateLimits,
            MeterRegistry meters,
            Clock clock,
            IntakeWatch watch) {
        this.keys = keys;
        this.board = board;
        this.desk = desk;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
        // the application's strict mapper: a quantity of 1.9 or a buyerId of 42 is a mistake to point out, not a
        // value to guess (StrictJson)
        this.orderReader = json.readerFor(NewOrder.class);
        this.maxBodyBytes = maxBodyBytes;
        this.rateLimits = rateLimits;
        this.meters = meters;
        this.clock = clock;
        this.watch = watch;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        String correlationId = CorrelationIdFilter.correlationIdFor(request.getHeader(CorrelationIdFilter.HEADER));
        response.setHeader(CorrelationIdFilter.HEADER, correlationId);
        MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        Answer answer;
        Subject subject = new Subject();
        try {
            answer = place(request, correlationId, subject);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                log.debug("Placing an order: the database cannot be reached: {}", e.toString());
                answer = unavailable(correlationId);
            } else {
                log.error("Placing an order failed", e);
                answer = problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemTypes.INTERNAL_ERROR,
                        "the request could not be completed; it changed nothing and may be retried",
                        correlationId);
            }
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
        answer.writeTo(response);
        long elapsed = System.nanoTime() - started;
        timers.computeIfAbsent(
                        answer.status,
                        status -> Timer.builder("livechain.orders.placement")
                                .description("POST /api/v1/orders, by answer status")
                                .tag("status", Integer.toString(status))
                                .register(meters))
                .record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
        // a war room watching this stream counts the answer (a look-up in an empty map when none does)
        watch.record(subject.merchantId, subject.liveStreamId, answer.status, elapsed);
    }

    /** Whose order about which live stream, once the body has told it: for the war rooms' count of answers. */
    private static final class Subject {
        private UUID merchantId;
        private UUID liveStreamId;
    }

    private Answer place(HttpServletRequest request, String correlationId, Subject subject) throws IOException {
        // who asks
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return unauthenticated("an API key is required: Authorization: Bearer <key>", correlationId);
        }
        Caller caller;
        switch (keys.check(authorization, request.getRemoteAddr())) {
            case KeyCheck.Outcome.Known known -> caller = known.caller();
            case KeyCheck.Outcome.HeldBack heldBack -> {
                return problem(
                                HttpStatus.TOO_MANY_REQUESTS,
                                ProblemTypes.RATE_LIMITED,
                                heldBack.detail(),
                                correlationId)
                        .retryAfter(heldBack.secondsToWait());
            }
            case KeyCheck.Outcome.Unknown unknown -> {
                return unauthenticated("the API key is not valid", correlationId);
            }
        }
        if (caller.role() != Role.MERCHANT) {
            return problem(
                    HttpStatus.FORBIDDEN,
                    ProblemTypes.FORBIDDEN,
                    "this API key's role may not use this endpoint",
                    correlationId);
        }
        long secondsToWait = rateLimits.secondsToWait(caller.apiKeyId(), RateLimits.Kind.ORDERS);
        if (secondsToWait > 0) {
            return problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            ProblemTypes.RATE_LIMITED,
                            rateLimits.detail(RateLimits.Kind.ORDERS, secondsToWait),
                            correlationId)
                    .retryAfter(secondsToWait);
        }
        // what is asked
        String contentType = request.getContentType();
        if (contentType == null || !isJson(contentType)) {
            return problem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be application/json",
                    correlationId);
        }
        long declaredLength = request.getContentLengthLong();
        if (declaredLength > maxBodyBytes) {
            return tooLarge(correlationId);
        }
        byte[] body = readBody(request.getInputStream(), declaredLength);
        if (body.length > maxBodyBytes) {
            return tooLarge(correlationId);
        }
        String idempotencyKey = request.getHeader(IdempotencyFilter.HEADER);
        if (idempotencyKey == null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.IDEMPOTENCY_KEY_REQUIRED,
                    "POST /orders requires an Idempotency-Key header, so that a retry never orders twice",
                    correlationId);
        }
        if (!VALID_KEY.matcher(idempotencyKey).matches()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters",
                    correlationId);
        }
        Key key = new Key(caller.apiKeyId(), idempotencyKey);
        byte[] fingerprint = fingerprint(body);
        Optional<JsonFields.Invalid> forbidden = JsonFields.firstForbiddenText(json, body);
        if (forbidden.isPresent()) {
            return answer(ProblemResponses.invalidField(forbidden.get()), correlationId);
        }
        NewOrder order;
        try {
            order = orderReader.readValue(body);
        } catch (JacksonException malformed) {
            return problem(JsonFieldErrors.problemFor(malformed, json, body), correlationId);
        }
        if (order == null) {
            return problem(
                    HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "the request body is empty", correlationId);
        }
        ParticipantId merchantId = new ParticipantId(caller.participantId());
        subject.merchantId = merchantId.value();
        subject.liveStreamId = order.liveStreamId();
        OrderPlacement placement;
        try {
            placement = order.toPlacement(merchantId);
        } catch (BusinessRuleViolation invalid) {
            return rejection(invalid, correlationId);
        }
        // a certain "no" needs no desk; only a retry of a request answered before must get that first answer
        Optional<BusinessRuleViolation> certainNo =
                board.certainRejection(merchantId, placement.liveStreamId(), placement.lines(), clock.instant());
        if (certainNo.isPresent()) {
            if (idempotentRequests.mightHaveRecorded(key)) {
                Optional<RecordedResponse> earlier = idempotentRequests.find(key.apiKeyId(), key.idempotencyKey());
                if (earlier.isPresent()) {
                    return Arrays.equals(earlier.get().requestHash(), fingerprint)
                            ? Answer.replayed(earlier.get())
                            : keyReused(correlationId);
                }
            }
            return rejection(certainNo.get(), correlationId);
        }
        DeskOutcome outcome = desk.decide(new DeskRequest<>(
                placement,
                Map.of(
                        CORRELATION_ID, correlationId,
                        ACTOR_ROLE, caller.role().name(),
                        ACTOR_ID, caller.participantId().toString()),
                key,
                fingerprint,
                placement,
                renderer(correlationId)));
        return switch (outcome) {
            case DeskOutcome.Answered answered -> Answer.of(answered.response());
            case DeskOutcome.Replayed replayed -> Answer.replayed(replayed.response());
            case DeskOutcome.KeyReused reused -> keyReused(correlationId);
            case DeskOutcome.Busy busy ->
                problem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                ProblemTypes.BUSY,
                                "too many orders are waiting; nothing was changed: retry shortly with the same"
                                        + " Idempotency-Key",
                                correlationId)
                        .retryAfter(1);
            case DeskOutcome.Unavailable unavailable -> unavailable(correlationId);
        };
    }

    /**
     * The body: into an array of its declared length when it has one (Tomcat reads no further than a
     * {@code Content-Length}), else in steps up to one byte beyond the limit. {@code readNBytes} of the limit alone
     * would allocate a 16 KiB buffer for every ~300-byte order, and a sold-out burst is tens of thousands of them a
     * second: most of the garbage a rejection made, and so most of the collector's work behind it.
     */
    private byte[] readBody(InputStream in, long declaredLength) throws IOException {
        return declaredLength >= 0 ? in.readNBytes((int) declaredLength) : in.readNBytes(maxBodyBytes + 1);
    }

    private Answer unavailable(String correlationId) {
        ProblemDetail problem = DatabaseUnavailable.problem();
        problem.setProperty("correlationId", correlationId);
        return new Answer(
                        HttpStatus.SERVICE_UNAVAILABLE.value(),
                        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        json.writeValueAsBytes(problem))
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }

    private DeskRequest.Renderer<OrderPlacement.Placed> renderer(String correlationId) {
        return new DeskRequest.Renderer<>() {
            @Override
            public RecordedResponse success(OrderPlacement.Placed placed) {
                byte[] body = json.writeValueAsBytes(new Placed(
                        placed.orderId().value(),
                        placed.status().name(),
                        placed.stock().name(),
                        placed.paymentDueAt()));
                return new RecordedResponse(
                        null,
                        HttpStatus.CREATED.value(),
                        MediaType.APPLICATION_JSON_VALUE,
                        PATH + "/" + placed.orderId(),
                        body);
            }

            @Override
            public RecordedResponse rejection(BusinessRuleViolation violation) {
                Answer answer = OrderIntake.this.rejection(violation, correlationId);
                return new RecordedResponse(null, answer.status, answer.contentType, null, answer.body);
            }
        };
    }

    private Answer rejection(BusinessRuleViolation violation, String correlationId) {
        ProblemDetail problem = ApiExceptionHandler.problemFor(violation);
        problem.setProperty("correlationId", correlationId);
        return new Answer(
                problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
    }

    private Answer answer(ProblemDetail problem, String correlationId) {
        problem.setProperty("correlationId", correlationId);
        return new Answer(
                problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
    }

    private Answer problem(HttpStatus status, String code, String detail, String correlationId) {
        return problem(ProblemTypes.problem(status, code, detail), correlationId);
    }

    private Answer problem(ProblemDetail problem, String correlationId) {
        problem.setProperty("correlationId", correlationId);
        return new Answer(
                problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
    }

    private Answer invalidField(Map<String, Object> field, String correlationId) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "the request body has invalid fields");
        problem.setProperty("errors", List.of(field));
        problem.setProperty("correlationId", correlationId);
        return new Answer(
                HttpStatus.BAD_REQUEST.value(),
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsBytes(problem));
    }

    private Answer unauthenticated(String detail, String correlationId) {
        return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, detail, correlationId)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    private Answer tooLarge(String correlationId) {
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE,
                "the request body exceeds " + maxBodyBytes + " bytes",
                correlationId);
    }

    private Answer keyReused(String correlationId) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a different request",
                correlationId);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** The same fingerprint the idempotency filter takes of other requests: method, path and body. */
    private static byte[] fingerprint(byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FINGERPRINT_PREFIX);
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request body, as the client sends it; {@link OrderPlacement} checks every field. */
    record NewOrder(UUID liveStreamId, String buyerId, List<Line> lines, Address shippingAddress) {

        OrderPlacement toPlacement(ParticipantId merchantId) {
            List<RequestedLine> requested = null;
            if (lines != null) {
                requested = new ArrayList<>(lines.size());
                for (Line line : lines) {
                    requested.add(line == null ? null : new RequestedLine(line.sku(), line.quantity()));
                }
            }
            return new OrderPlacement(
                    OrderId.random(),
                    merchantId,
                    liveStreamId == null ? null : new LiveStreamId(liveStreamId),
                    buyerId,
                    requested,
                    shippingAddress == null ? null : shippingAddress.toAddress());
        }
    }

    record Line(String sku, int quantity) {}

    record Address(String zone, String line1, String city, String recipient) {

        ShippingAddress toAddress() {
            return new ShippingAddress(zone, line1, city, recipient);
        }
    }

    /** The 201 body. */
    record Placed(UUID id, String status, String stock, Instant paymentDueAt) {}

    /** An HTTP answer, written straight to the response. */
    private static final class Answer {

        private final int status;
        private final String contentType;
        private final byte[] body;
        private String location;
        private long position;
        private boolean replayed;
        private String extraHeader;
        private String extraValue;

        Answer(int status, String contentType, byte[] body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        static Answer of(RecordedResponse response) {
            Answer answer = new Answer(response.status(), response.contentType(), response.body());
            answer.location = response.location();
            answer.position = response.position();
            return answer;
        }

        static Answer replayed(RecordedResponse response) {
            Answer answer = of(response);
            answer.replayed = true;
            return answer;
        }

        Answer header(String name, String value) {
            extraHeader = name;
            extraValue = value;
            return this;
        }

        Answer retryAfter(long seconds) {
            return header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }

        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            if (contentType != null) {
                response.setContentType(contentType);
            }
            if (location != null) {
                response.setHeader(HttpHeaders.LOCATION, location);
            }
            if (replayed) {
                response.setHeader(IdempotencyFilter.REPLAYED_HEADER, "true");
            }
            if (position > 0) {
                response.setHeader(Positions.HEADER, Long.toString(position));
            }
            if (extraHeader != null) {
                response.setHeader(extraHeader, extraValue);
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
