package io.livechain.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One API key as its owner and the operator may see it: never the key, nor its hash.
 *
 * @param expiresAt when a rotated key stops working (null: it does not expire)
 * @param revokedAt when it was revoked (null: it was not)
 */
public record ApiKeyView(
        UUID id, UUID participantId, Role role, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    /** Whether the key still authenticates at the given instant. */
    public boolean worksAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
