package io.livechain.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Token buckets per API key and {@link Kind} of request (Bucket4j), kept in memory: the limits hold per instance of
 * the platform (ADR 0007). Asking costs a cache hit and a compare-and-set, so the order path can afford it.
 */
public final class RateLimits {

    /** What a request is, for its limit. */
    public enum Kind {
        ORDERS,
        WRITES,
        READS,
        ADMIN
    }

    private static final String ORDERS_PATH = "/api/v1/orders";
    private static final String ADMIN_PATH = "/api/v1/admin";

    private final RateLimitProperties properties;
    private final TimeMeter time;
    private final Cache<UUID, Bucket[]> buckets;
    private final Function<UUID, Bucket[]> newBuckets = key -> newBuckets();
    private final Map<Kind, Counter> limited = new EnumMap<>(Kind.class);

    public RateLimits(RateLimitProperties properties, MeterRegistry meters) {
        this(properties, meters, TimeMeter.SYSTEM_MILLISECONDS);
    }

    RateLimits(RateLimitProperties properties, MeterRegistry meters, TimeMeter time) {
        this.properties = properties;
        this.time = time;
        // a key unused for longer than the longest period would have a full bucket again: forgetting it is the same
        Duration longest = Stream.of(properties.orders(), properties.writes(), properties.reads(), properties.admin())
                .map(RateLimitProperties.Limit::per)
                .max(Duration::compareTo)
                .orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(longest.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : longest)
                .build();
        for (Kind kind : Kind.values()) {
            limited.put(
                    kind,
                    Counter.builder("livechain.rate.limited")
                            .description("requests refused with 429 because their API key exceeded its rate limit")
                            .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                            .register(meters));
        }
    }

    /** The kind of a request, by its method and path. */
    public static Kind kindOf(String method, String path) {
        if (path.startsWith(ADMIN_PATH)
                && (path.length() == ADMIN_PATH.length() || path.charAt(ADMIN_PATH.length()) == '/')) {
            return Kind.ADMIN;
        }
        if (ORDERS_PATH.equals(path) && "POST".equals(method)) {
            return Kind.ORDERS;
        }
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> Kind.READS;
            default -> Kind.WRITES;
        };
    }

    /** Takes one request from the key's allowance: 0 when it may go on, else the whole seconds to wait (at least 1). */
    public long secondsToWait(UUID apiKeyId, Kind kind) {
        if (!properties.enabled()) {
            return 0;
        }
        Bucket bucket = buckets.get(apiKeyId, newBuckets)[kind.ordinal()];
        if (bucket.tryConsume(1)) {
            return 0;
        }
        limited.get(kind).increment();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The limit of a kind, for the answer's detail. */
    public RateLimitProperties.Limit limitOf(Kind kind) {
        return switch (kind) {
            case ORDERS -> properties.orders();
            case WRITES -> properties.writes();
            case READS -> properties.reads();
            case ADMIN -> properties.admin();
        };
    }

    private Bucket[] newBuckets() {
        Bucket[] perKind = new Bucket[Kind.values().length];
        for (Kind kind : Kind.values()) {
            RateLimitProperties.Limit limit = limitOf(kind);
            perKind[kind.ordinal()] = Bucket.builder()
                    .addLimit(bandwidth ->
                            bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                    .withCustomTimePrecision(time)
                    .build();
        }
        return perKind;
    }

    /** The answer's detail: what was exceeded and when to come back, never who else is busy. */
    public String detail(Kind kind, long secondsToWait) {
        RateLimitProperties.Limit limit = limitOf(kind);
        return "this API key exceeded its limit of " + limit.requests() + " "
                + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " requests per " + limit.per().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + "; nothing was changed: retry after " + secondsToWait + " s";
    }
}
