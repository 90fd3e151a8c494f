package io.livechain.web.support;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The stable problem {@code type} URIs: clients branch on these, never on the human {@code detail}. */
public final class ProblemTypes {

    public static final String BASE = "https://livechain.io/problems/";

    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    public static final String IDEMPOTENCY_KEY_INVALID = "idempotency-key-invalid";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String IDEMPOTENCY_REQUEST_IN_PROGRESS = "idempotency-request-in-progress";
    public static final String IDEMPOTENCY_KEY_REQUIRED = "idempotency-key-required";
    public static final String BUSY = "busy";
    public static final String UNAVAILABLE = "unavailable";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String TOO_MANY_STREAMS = "too-many-streams";
    public static final String INTERNAL_ERROR = "internal-error";

    private ProblemTypes() {}

    public static URI type(String code) {
        return URI.create(BASE + code);
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        return problem;
    }

    /** The code for a status Spring MVC or the servlet container produced on its own. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONCURRENT_MODIFICATION;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? INTERNAL_ERROR : "http-" + status;
        };
    }
}
