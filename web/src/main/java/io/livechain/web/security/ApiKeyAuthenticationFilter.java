package io.livechain.web.security;

import io.livechain.access.Caller;
import io.livechain.web.support.ProblemResponses;
import io.livechain.web.support.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <api key>}: a known key authenticates the request as its {@link Caller}; an unknown,
 * revoked, expired or malformed one is refused at once (401). A key over its {@link RateLimits rate limit} gets 429
 * with {@code Retry-After}, before anything else runs. Without the header the request goes on unauthenticated and the
 * authorization rules decide. An address that presented too many unknown keys is served only with the keys it used
 * recently; its other requests get 429 without a look-up in the key store, until its allowance comes back.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final KeyCheck keys;
    private final RateLimits rateLimits;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(KeyCheck keys, RateLimits rateLimits, ProblemResponses problems) {
        this.keys = keys;
        this.rateLimits = rateLimits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller;
        switch (keys.check(header, request.getRemoteAddr())) {
            case KeyCheck.Outcome.Known known -> caller = known.caller();
            case KeyCheck.Outcome.HeldBack heldBack -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(heldBack.secondsToWait()));
                problems.write(
                        response,
                        ProblemTypes.problem(
                                HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, heldBack.detail()));
                return;
            }
            case KeyCheck.Outcome.Unknown unknown -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                problems.write(
                        response,
                        ProblemTypes.problem(
                                HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "the API key is not valid"));
                return;
            }
        }
        RateLimits.Kind kind = RateLimits.kindOf(request.getMethod(), request.getRequestURI());
        long secondsToWait = rateLimits.secondsToWait(caller.apiKeyId(), kind);
        if (secondsToWait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(secondsToWait));
            problems.write(
                    response,
                    ProblemTypes.problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            ProblemTypes.RATE_LIMITED,
                            rateLimits.detail(kind, secondsToWait)));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                caller,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
