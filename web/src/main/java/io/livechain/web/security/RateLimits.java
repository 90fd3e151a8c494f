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
    /** Per client address, its allowance of unknown keys: only addresses that presented one have a bucket. */
    private final Cache<String, Bucket> unknownKeys;

    private final Counter heldBack;
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
        this.unknownKeys = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(
                        properties.unknownKeys().per().compareTo(Duration.ofMinutes(1)) < 0
                                ? Duration.ofMinutes(1)
                                : properties.unknownKeys().per())
                .build();
        this.heldBack = Counter.builder("livechain.rate.unknown_keys.held_back")
                .description("requests refused with 429 because their address presented too many unknown API keys")
                .register(meters);
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

    /**
     * Whether the address spent its allowance of unknown keys: 0 when it has not (its keys are looked up as usual),
     * else the whole seconds until it has one again (meanwhile only its recently used keys are served). Costs a
     * cache miss for an address that never presented an unknown key.
     */
    public long secondsToWaitForUnknownKeys(String address) {
        if (!properties.enabled()) {
            return 0;
        }
        Bucket bucket = unknownKeys.getIfPresent(address);
        if (bucket == null) {
            return 0;
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? 0
                : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    /** The address presented an unknown, revoked or expired key (or none that could be read): it takes an allowance. */
    public void unknownKeyFrom(String address) {
        if (properties.enabled()) {
            unknownKeys.get(address, any -> bucketOf(properties.unknownKeys())).tryConsume(1);
        }
    }

    /** A request with a key not recently used, from an address over its allowance of unknown keys, is refused. */
    public void heldBack() {
        heldBack.increment();
    }

    /** The answer's detail for an address held back. */
    public String unknownKeysDetail(long secondsToWait) {
        RateLimitProperties.Limit limit = properties.unknownKeys();
        return "this address presented more than " + limit.requests() + " unknown API keys per "
                + limit.per().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + "; only keys it used recently are served: retry after " + secondsToWait + " s";
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
            perKind[kind.ordinal()] = bucketOf(limitOf(kind));
        }
        return perKind;
    }

    private Bucket bucketOf(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .withCustomTimePrecision(time)
                .build();
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
