package io.livechain.web.security;

import io.livechain.access.ApiKeys;
import io.livechain.access.Caller;
import java.util.Optional;

/**
 * Who an {@code Authorization} header names, for both request paths (the general chain and the order intake): a
 * known key's caller; a key that is not one (401); or, from an address that presented too many unknown keys, a key it
 * did not use recently (429, without a look-up in the key store).
 */
public final class KeyCheck {

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final RateLimits rateLimits;

    public KeyCheck(ApiKeys apiKeys, RateLimits rateLimits) {
        this.apiKeys = apiKeys;
        this.rateLimits = rateLimits;
    }

    /** What the header says, from the client at {@code address}. */
    public Outcome check(String authorization, String address) {
        long guessing = rateLimits.secondsToWaitForUnknownKeys(address);
        Optional<Caller> caller = Optional.empty();
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).strip();
            caller = guessing > 0 ? apiKeys.recall(key) : apiKeys.authenticate(key);
        }
        if (caller.isPresent()) {
            return new Outcome.Known(caller.get());
        }
        if (guessing > 0) {
            rateLimits.heldBack();
            return new Outcome.HeldBack(guessing, rateLimits.unknownKeysDetail(guessing));
        }
        rateLimits.unknownKeyFrom(address);
        return new Outcome.Unknown();
    }

    public sealed interface Outcome {

        record Known(Caller caller) implements Outcome {}

        /** Not a key that works: 401. */
        record Unknown() implements Outcome {}

        /** The address guessed too many keys: 429 with {@code Retry-After}. */
        record HeldBack(long secondsToWait, String detail) implements Outcome {}
    }
}
