package io.livechain.desk;

import io.livechain.access.IdempotentRequests.Key;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.shared.BusinessRuleViolation;
import java.util.Map;
import java.util.Objects;

/**
 * One request for the {@link Desk}: the command it stands for (with its audit metadata), the use case that decides
 * it, and how its outcome is answered. The answer is rendered inside the batch's transaction, so that it can be
 * recorded for its idempotency key atomically with the change.
 *
 * @param command the request as a command: its message becomes the cause of every event the use case applies
 * @param auditMetaData correlation id and actor of the request
 * @param idempotencyKey the caller's key, or null
 * @param fingerprint what identifies the request for its key (method, path, body), or null
 */
public record DeskRequest<R>(
        Object command,
        Map<String, ?> auditMetaData,
        Key idempotencyKey,
        byte[] fingerprint,
        UseCase<R> useCase,
        Renderer<R> renderer) {

    public DeskRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(useCase, "useCase");
        Objects.requireNonNull(renderer, "renderer");
        auditMetaData = auditMetaData == null ? Map.of() : auditMetaData;
    }

    /** Turns an outcome into the answer the caller gets (and a retry will get). */
    public interface Renderer<R> {

        RecordedResponse success(R result);

        RecordedResponse rejection(BusinessRuleViolation violation);
    }
}
