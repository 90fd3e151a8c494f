package io.livechain.web.security;

import io.livechain.access.ApiKeys;
import io.livechain.access.Caller;
import io.livechain.web.support.ProblemResponses;
import io.livechain.web.support.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
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

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final RateLimits rateLimits;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, RateLimits rateLimits, ProblemResponses problems) {
        this.apiKeys = apiKeys;
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
        String address = request.getRemoteAddr();
        long guessing = rateLimits.secondsToWaitForUnknownKeys(address);
        Optional<Caller> caller = Optional.empty();
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = header.substring(BEARER.length()).strip();
            caller = guessing > 0 ? apiKeys.recall(key) : apiKeys.authenticate(key);
        }
        if (caller.isEmpty() && guessing > 0) {
            rateLimits.heldBack();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(guessing));
            problems.write(
                    response,
                    ProblemTypes.problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            ProblemTypes.RATE_LIMITED,
                            rateLimits.unknownKeysDetail(guessing)));
            return;
        }
        if (caller.isEmpty()) {
            rateLimits.unknownKeyFrom(address);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(
                    response,
                    ProblemTypes.problem(
                            HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "the API key is not valid"));
            return;
        }
        RateLimits.Kind kind = RateLimits.kindOf(request.getMethod(), request.getRequestURI());
        long secondsToWait = rateLimits.secondsToWait(caller.get().apiKeyId(), kind);
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
                caller.get(),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.get().role().name())));
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
