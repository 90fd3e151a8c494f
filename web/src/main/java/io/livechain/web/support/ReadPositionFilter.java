package io.livechain.web.support;

import io.livechain.position.ReadModelPositions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every read of the API ({@code GET /api/...}) may name the position of a write it must see, as
 * {@code ?minPosition=} or in {@code LiveChain-Min-Position}: it is answered once the read models reflect that
 * position, or when {@code livechain.reads.max-wait} ran out, with what they hold then and
 * {@code LiveChain-Stale: true}. Every read names the position its read models reflected in
 * {@code LiveChain-Position}. The wait parks the request's (virtual) thread; nothing spins. After authentication, so
 * only a caller with a key can make the platform wait. See {@link Positions} and ADR 0010.
 */
@Component
@Order(1)
public class ReadPositionFilter extends OncePerRequestFilter {

    /** Up to 18 digits: always a long, and far beyond any position an event store reaches. */
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

    private final ReadModelPositions readModels;
    private final ProblemResponses problems;
    private final Duration maxWait;

    public ReadPositionFilter(ReadModelPositions readModels, ProblemResponses problems, ReadProperties settings) {
        this.readModels = readModels;
        this.problems = problems;
        this.maxWait = settings.maxWait();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long asked = 0;
        List<JsonFields.Invalid> invalid = new ArrayList<>();
        String[] parameter = request.getParameterValues(Positions.MIN_POSITION);
        if (parameter != null) {
            asked = Math.max(asked, parse(Positions.MIN_POSITION, parameter, invalid));
        }
        List<String> header = Collections.list(request.getHeaders(Positions.MIN_POSITION_HEADER));
        if (!header.isEmpty()) {
            asked = Math.max(asked, parse(Positions.MIN_POSITION_HEADER, header.toArray(String[]::new), invalid));
        }
        if (!invalid.isEmpty()) {
            problems.write(response, ProblemResponses.invalidField(invalid.getFirst()));
            return;
        }
        if (asked > 0) {
            ReadModelPositions.Wait wait = readModels.awaitAtLeast(asked, maxWait);
            response.setHeader(Positions.HEADER, Long.toString(wait.reflected()));
            if (!wait.reached()) {
                response.setHeader(Positions.STALE_HEADER, "true");
            }
        } else {
            response.setHeader(Positions.HEADER, Long.toString(readModels.reflected()));
        }
        chain.doFilter(request, response);
    }

    /** The position given once, as a whole number of at least 0; otherwise 0, and what is wrong is noted. */
    private static long parse(String field, String[] values, List<JsonFields.Invalid> invalid) {
        if (values.length != 1) {
            invalid.add(new JsonFields.Invalid(field, "must be given once"));
            return 0;
        }
        String value = values[0];
        if (!POSITION.matcher(value).matches()) {
            invalid.add(new JsonFields.Invalid(
                    field, "must be a whole number from 0: a position named in a LiveChain-Position header"));
            return 0;
        }
        return Long.parseLong(value);
    }
}
