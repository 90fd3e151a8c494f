package io.livechain.web.support;

import io.livechain.shared.BusinessRuleViolation;
import io.livechain.web.stream.TooManyStreams;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every exception a request can raise into RFC 9457 problem+json with a stable {@code type}. Business
 * rules map by their kind; Spring MVC's own errors (404, 405, 415, malformed JSON, ...) get a type as well.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final JsonMapper json;

    public ApiExceptionHandler(JsonMapper json) {
        this.json = json;
    }

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
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(errorOf(violation.field(), violation.getMessage())));
        }
        return ProblemResponses.decorate(problem);
    }

    /** A parameter that broke its constraint (method validation of a {@code @Validated} controller). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException invalid) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "the request has invalid parameters");
        List<Map<String, Object>> errors = invalid.getConstraintViolations().stream()
                .map(violation -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("field", fieldOf(violation.getPropertyPath()));
                    entry.put("message", violation.getMessage());
                    return entry;
                })
                .toList();
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    /** {@code list.limit} names the parameter {@code limit}; a property of a parameter follows it with dots. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                field.setLength(0);
                field.append(node.getName());
            } else if (node.getKind() == ElementKind.PROPERTY && !field.isEmpty()) {
                field.append('.').append(node.getName());
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }

    @ExceptionHandler(ResourceNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFound notFound) {
        return problem(ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, notFound.getMessage()));
    }

    /** An API key holding as many event streams open as it may (livechain.event-streams.max-per-key). */
    @ExceptionHandler(TooManyStreams.class)
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreams tooMany) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(TooManyStreams.RETRY_AFTER_SECONDS))
                .body(ProblemResponses.decorate(ProblemTypes.problem(
                        HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_STREAMS, tooMany.getMessage())));
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

    /** A query parameter the container could not decode (not UTF-8). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException invalid) {
        return problem(ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "a query parameter is not valid UTF-8"));
    }

    /** A query parameter or path variable of the wrong type (not a UUID, not a number, no such status). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : mismatch.getPropertyName();
        Class<?> type = mismatch.getRequiredType();
        String message = type != null && type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "must be " + (type == null ? "of another type" : describe(type));
        ProblemDetail problem =
                ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, field + ": " + message);
        problem.setProperty("errors", List.of(errorOf(field, message)));
        return handleExceptionInternal(mismatch, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String describe(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        return "a " + type.getSimpleName();
    }

    private static Map<String, Object> errorOf(String field, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", field);
        entry.put("message", message);
        return entry;
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

    /**
     * A body that cannot be bound names the field it failed on (a missing number, a text where a number belongs); a
     * request record whose constructor refused a value answers with that rule.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation violation) {
                ProblemDetail problem = problemFor(violation);
                return handleExceptionInternal(
                        unreadable, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        CachedBodyRequest body = request instanceof ServletWebRequest servlet
                ? WebUtils.getNativeRequest(servlet.getRequest(), CachedBodyRequest.class)
                : null;
        ProblemDetail problem = JsonFieldErrors.problemFor(unreadable, json, body == null ? null : body.body());
        return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
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
