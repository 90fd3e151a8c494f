package io.livechain.web.support;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json body where no controller is involved: filters, security, the container. */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        decorate(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** A 400 validation-failed problem naming one field, as {@code errors: [{field, message}]}. */
    public static ProblemDetail invalidField(JsonFields.Invalid invalid) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, invalid.field() + ": " + invalid.message());
        problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", invalid.message())));
        return problem;
    }

    /** Every problem names the request it answers, so support can find it in the logs and the audit trail. */
    public static ProblemDetail decorate(ProblemDetail problem) {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }
}
