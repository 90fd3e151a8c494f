package io.livechain.web.security;

import io.livechain.access.ApiKeyView;
import io.livechain.access.IssuedKey;
import io.livechain.web.support.IdempotencyFilter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** How API keys are shown: a key's state, never its secret; a new key's secret once. */
public final class ApiKeyAnswers {

    private ApiKeyAnswers() {}

    /**
     * One key.
     *
     * @param status {@code ACTIVE}, {@code EXPIRING} (rotated away: it works until {@code expiresAt}), {@code EXPIRED}
     *     or {@code REVOKED}
     */
    public record Key(
            UUID id,
            UUID participantId,
            String role,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            String status) {

        public static Key of(ApiKeyView key, Instant now) {
            String status;
            if (key.revokedAt() != null) {
                status = "REVOKED";
            } else if (key.expiresAt() == null) {
                status = "ACTIVE";
            } else {
                status = key.worksAt(now) ? "EXPIRING" : "EXPIRED";
            }
            return new Key(
                    key.id(),
                    key.participantId(),
                    key.role().name(),
                    key.createdAt(),
                    key.expiresAt(),
                    key.revokedAt(),
                    status);
        }
    }

    /**
     * A key just issued: keep {@code apiKey}, it is not shown again (a replay of this answer leaves it out).
     *
     * @param previousKeysExpireAt when the participant's other keys stop working (absent: it had none that worked)
     */
    public record NewKey(
            UUID id,
            UUID participantId,
            @Nullable String apiKey,
            @Nullable Instant previousKeysExpireAt) {

        /** The answer; it marks {@code apiKey} as a secret, so the recorded answer of an Idempotency-Key never has it. */
        public static NewKey of(IssuedKey issued) {
            RequestContextHolder.currentRequestAttributes()
                    .setAttribute(IdempotencyFilter.SECRET_FIELDS, List.of("apiKey"), RequestAttributes.SCOPE_REQUEST);
            return new NewKey(
                    issued.key().id(),
                    issued.key().participantId(),
                    issued.secret().value(),
                    issued.othersExpireAt());
        }
    }

    /** The body of a rotation; empty is fine. */
    public record Rotation(@Nullable Long gracePeriodSeconds) {}
}
