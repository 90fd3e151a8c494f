package io.livechain.web.support;

import io.livechain.access.Caller;
import io.livechain.access.IdempotentRequests;
import io.livechain.access.IdempotentRequests.Key;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.audit.AuditMetadata;
import io.livechain.desk.Desk;
import io.livechain.desk.DeskOutcome;
import io.livechain.desk.DeskRequest;
import io.livechain.desk.UseCase;
import io.livechain.shared.BusinessRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a request to the desk and turns what the desk decided into the HTTP answer. The answer's exact bytes are
 * rendered inside the desk's transaction, so a replay returns precisely the first answer, and names the same position
 * ({@code LiveChain-Position}, when the request changed something).
 */
@Component
public class DeskResponses {

    private final Desk desk;
    private final IdempotentRequests idempotentRequests;
    private final JsonMapper json;

    public DeskResponses(Desk desk, IdempotentRequests idempotentRequests, JsonMapper json) {
        this.desk = desk;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
    }

    /**
     * Has the desk decide the use case and waits for its batch to commit. {@code success} renders the result as
     * status, location and body.
     */
    public <R> ResponseEntity<byte[]> decide(
            HttpServletRequest http, Caller caller, Object command, UseCase<R> useCase, Function<R, Answer> success) {
        return answer(desk.decide(request(
                command,
                AuditMetadataDispatchInterceptor.currentRequest(),
                key(http, caller),
                fingerprint(http),
                useCase,
                success)));
    }

    /** The desk request for a use case, rendering its answers as JSON and problem+json. */
    public <R> DeskRequest<R> request(
            Object command,
            java.util.Map<String, ?> auditMetaData,
            Key key,
            byte[] fingerprint,
            UseCase<R> useCase,
            Function<R, Answer> success) {
        return new DeskRequest<>(command, auditMetaData, key, fingerprint, useCase, new DeskRequest.Renderer<>() {
            @Override
            public RecordedResponse success(R result) {
                Answer answer = success.apply(result);
                return new RecordedResponse(
                        null,
                        answer.status().value(),
                        MediaType.APPLICATION_JSON_VALUE,
                        answer.location(),
                        json.writeValueAsBytes(answer.body()));
            }

            @Override
            public RecordedResponse rejection(BusinessRuleViolation violation) {
                // rendered on the desk's thread: the request's correlation id comes with its audit metadata
                ProblemDetail problem = ApiExceptionHandler.problemFor(violation);
                if (auditMetaData.get(AuditMetadata.CORRELATION_ID) instanceof String correlationId) {
                    problem.setProperty("correlationId", correlationId);
                }
                return new RecordedResponse(
                        null,
                        problem.getStatus(),
                        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        null,
                        json.writeValueAsBytes(problem));
            }
        });
    }

    /**
     * A rejection known without asking the desk (sold out, not live). An earlier answer to the same key still wins:
     * a retry of an accepted order must get its order, not "sold out".
     */
    public ResponseEntity<byte[]> rejectAtOnce(
            HttpServletRequest http, Caller caller, BusinessRuleViolation violation) {
        Key key = key(http, caller);
        if (key != null && idempotentRequests.mightHaveRecorded(key)) {
            Optional<RecordedResponse> earlier = idempotentRequests.find(key.apiKeyId(), key.idempotencyKey());
            if (earlier.isPresent()) {
                return Arrays.equals(earlier.get().requestHash(), fingerprint(http))
                        ? answer(new DeskOutcome.Replayed(earlier.get()))
                        : answer(new DeskOutcome.KeyReused());
            }
        }
        ProblemDetail problem = ApiExceptionHandler.problemFor(violation);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsBytes(problem));
    }

    public ResponseEntity<byte[]> answer(DeskOutcome outcome) {
        return switch (outcome) {
            case DeskOutcome.Answered answered -> entity(answered.response(), false);
            case DeskOutcome.Replayed replayed -> entity(replayed.response(), true);
            case DeskOutcome.KeyReused reused -> {
                ProblemDetail problem = ProblemResponses.decorate(ProblemTypes.problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was already used for a different request"));
                yield ResponseEntity.status(problem.getStatus())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(json.writeValueAsBytes(problem));
            }
            case DeskOutcome.Busy busy -> unavailable();
            case DeskOutcome.Unavailable unavailable -> {
                ProblemDetail problem = DatabaseUnavailable.problem();
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(json.writeValueAsBytes(problem));
            }
        };
    }

    private static ResponseEntity<byte[]> entity(RecordedResponse response, boolean replayed) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status());
        if (response.contentType() != null) {
            builder.contentType(MediaType.parseMediaType(response.contentType()));
        }
        if (response.location() != null) {
            builder.header(HttpHeaders.LOCATION, response.location());
        }
        if (replayed) {
            builder.header(IdempotencyFilter.REPLAYED_HEADER, "true");
        }
        if (response.hasPosition()) {
            builder.header(Positions.HEADER, Long.toString(response.position()));
        }
        return builder.body(response.body());
    }

    private ResponseEntity<byte[]> unavailable() {
        ProblemDetail problem = ProblemResponses.decorate(ProblemTypes.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.BUSY,
                "too many requests are waiting; nothing was changed: retry shortly with the same Idempotency-Key"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsBytes(problem));
    }

    private static Key key(HttpServletRequest http, Caller caller) {
        String key = http.getHeader(IdempotencyFilter.HEADER);
        return key == null ? null : new Key(caller.apiKeyId(), key);
    }

    private static byte[] fingerprint(HttpServletRequest http) {
        return (byte[]) http.getAttribute(IdempotencyFilter.FINGERPRINT);
    }

    /** A success answer: status, Location (or null) and the body to serialize. */
    public record Answer(HttpStatus status, String location, Object body) {}
}
