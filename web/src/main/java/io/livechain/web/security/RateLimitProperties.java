package io.livechain.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-key rate limits ({@code livechain.rate-limit.*}): each API key has a token bucket per kind of request, holding
 * {@code requests} and refilled smoothly over {@code per}. The defaults leave a flash sale's orders alone (a merchant's
 * server sends thousands a second for its buyers) and hold back a key that floods the rest.
 *
 * @param enabled false: no limits at all
 * @param orders {@code POST /api/v1/orders}: 100,000 per second (one key's sold-out answers alone reach 44,000 a second)
 * @param writes every other mutating request (payments, cancellations, packing, claims...): 2,000 per second
 * @param reads every reading request, and the actuator's: 1,000 per second
 * @param admin everything under {@code /api/v1/admin}: 100 per second
 * @param unknownKeys per client address, requests with an unknown, revoked or expired key: 100 per minute; beyond
 *     it, that address's requests are served only with keys it used recently, and its other keys are 429 until the
 *     allowance comes back (guessing keys costs nothing, and no key store look-up)
 */
@ConfigurationProperties("livechain.rate-limit")
public record RateLimitProperties(
        Boolean enabled, Limit orders, Limit writes, Limit reads, Limit admin, Limit unknownKeys) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        orders = orders == null ? new Limit(100_000L, null) : orders;
        writes = writes == null ? new Limit(2_000L, null) : writes;
        reads = reads == null ? new Limit(1_000L, null) : reads;
        admin = admin == null ? new Limit(100L, null) : admin;
        unknownKeys = unknownKeys == null ? new Limit(100L, Duration.ofMinutes(1)) : unknownKeys;
    }

    /**
     * At most {@code requests} at once, refilled evenly over {@code per} (one second unless set).
     *
     * @param requests how many requests a key may send at once, and over each {@code per}
     * @param per the period over which a spent allowance comes back
     */
    public record Limit(Long requests, Duration per) {

        public Limit {
            if (requests == null || requests < 1) {
                throw new IllegalArgumentException("a rate limit's requests must be at least 1, not " + requests);
            }
            per = per == null ? Duration.ofSeconds(1) : per;
            if (per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit's period must be positive, not " + per);
            }
            if (requests > per.toNanos()) {
                throw new IllegalArgumentException("a rate limit refills at most one request per nanosecond");
            }
        }
    }
}
