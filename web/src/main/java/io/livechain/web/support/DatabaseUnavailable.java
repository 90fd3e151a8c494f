package io.livechain.web.support;

import io.livechain.desk.DatabaseFaults;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;

/**
 * The answer to any request that needs the database while it cannot be reached: {@code 503} problem+json of type
 * {@code unavailable} with {@code Retry-After}, the same whichever way the request took (the order intake, the desk,
 * the command bus in a transaction, a query, authentication). See ADR 0006.
 */
public final class DatabaseUnavailable {

    /** Seconds: the connection pool tries to reconnect all the time, and a retry costs the platform little. */
    public static final String RETRY_AFTER_SECONDS = "1";

    static final String DETAIL = "the database cannot be reached right now; retry after Retry-After with the same"
            + " Idempotency-Key (if this request was recorded after all, the retry gets its first answer)";

    private DatabaseUnavailable() {}

    /** Whether the failure means that the database could not be reached. */
    public static boolean isCauseOf(Throwable failure) {
        if (DatabaseFaults.isUnavailable(failure)) {
            return true;
        }
        // a rollback that fails on the broken connection ("Connection is closed") hides the failure that broke it
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && seen.add(rollback.getApplicationException())
                    && isCauseOf(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** The problem, with the request's correlation id. */
    public static ProblemDetail problem() {
        return ProblemResponses.decorate(
                ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, DETAIL));
    }

    public static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem());
    }
}
