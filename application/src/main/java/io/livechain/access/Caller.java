package io.livechain.access;

import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated party behind a request: its role, the participant it acts for, and the key it used (the
 * scope of its idempotency keys).
 */
public record Caller(Role role, UUID participantId, UUID apiKeyId) {

    /** The platform operator is not a registered participant; it acts under this fixed id. */
    public static final UUID OPERATOR_ID = new UUID(0L, 0L);

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
    }

    public boolean is(Role expected) {
        return role == expected;
    }
}
