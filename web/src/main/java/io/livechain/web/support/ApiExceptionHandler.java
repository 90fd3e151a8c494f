package io.livechain.web.support;

import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.InvalidField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception a request can raise into RFC 9457 problem+json with a stable {@code type}. Business
 * rules map by their kind; Spring MVC's own errors (404, 405, 415, malformed JSON, ...) get a type as well.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<ProblemDetail> businessRule(BusinessRuleViolation violation) {
        return problem(problemFor(violation));
    }

    /** A broken business rule as a problem: its kind gives the status, its code the type. */
    public static ProblemDetail problemFor(BusinessRuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = ProblemTypes.problem(status, violation.code(), violation.getMessage());
        if (violation instanceof InvalidField invalid) {
            problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        }
        return ProblemResponses.decorate(problem);
    }

    @ExceptionHandler(ResourceNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFound notFound) {
        return problem(ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, notFound.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException notFound) {
        return problem(ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "not found"));
    }

    /** Another request changed the same thing at the same moment; retrying (with the same key) is safe. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrency(Exception conflict) {
        return problem(ProblemTypes.problem(
                HttpStatus.CONFLICT,
                ProblemTypes.CONCURRENT_MODIFICATION,
                "changed concurrently by another request; retry"));
    }

    /** Commands handled elsewhere come back wrapped: answer with what is inside. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandExecution(CommandExecutionException wrapped) throws Exception {
        Throwable cause = wrapped.getCause();
        if (cause instanceof BusinessRuleViolation violation) {
            return businessRule(violation);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return concurrency((Exception) cause);
        }
        return unexpected(wrapped);
    }

    /** Queries answer through futures: a broken rule inside one arrives wrapped. */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ProblemDetail> completion(CompletionException wrapped) {
        Throwable cause = wrapped.getCause();
        while (cause != null && !(cause instanceof BusinessRuleViolation) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof BusinessRuleViolation violation ? businessRule(violation) : unexpected(wrapped);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DatabaseUnavailable.isCauseOf(exception)) {
            // not a bug: the database is away for a moment; the client retries after Retry-After
            log.debug("The database cannot be reached: {}", exception.toString());
            return DatabaseUnavailable.response();
        }
        log.error("Unexpected failure", exception);
        return problem(ProblemTypes.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL_ERROR,
                "the request could not be completed; it changed nothing and may be retried"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "the request body has invalid fields");
        List<Map<String, Object>> errors = invalid.getBindingResult().getAllErrors().stream()
                .map(error -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("field", error instanceof FieldError field ? field.getField() : error.getObjectName());
                    entry.put("message", error.getDefaultMessage());
                    return entry;
                })
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "the request has invalid parameters");
        List<Map<String, Object>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("field", result.getMethodParameter().getParameterName());
                    entry.put("message", error.getDefaultMessage());
                    return entry;
                }))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring MVC's own errors leave the type as about:blank; give them ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemTypes.type(ProblemTypes.codeFor(status.value())));
            }
            ProblemResponses.decorate(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(ProblemResponses.decorate(problem));
    }
}
