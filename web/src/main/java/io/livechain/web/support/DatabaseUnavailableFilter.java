package io.livechain.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Filters need the database too: authentication looks up a key it has not seen lately, and the idempotency filter
 * wraps a request in a transaction. When one of them (or the commit after the request) cannot reach the database,
 * the failure would reach the servlet container as a 500; it is answered {@code 503 unavailable} here instead. Just
 * inside the correlation id, so the problem names the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ProblemResponses problems;

    public DatabaseUnavailableFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseUnavailable.isCauseOf(e) || response.isCommitted()) {
                throw e;
            }
            log.debug(
                    "{} {}: the database cannot be reached: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.toString());
            // whatever the request had set (a Location of a change that did not commit) goes; the correlation id stays
            String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
            response.reset();
            if (correlationId != null) {
                response.setHeader(CorrelationIdFilter.HEADER, correlationId);
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            problems.write(response, DatabaseUnavailable.problem());
        }
    }
}
