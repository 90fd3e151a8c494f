package io.livechain.access.store;

import static io.livechain.infrastructure.jooq.access.Tables.IDEMPOTENT_REQUEST;

import io.livechain.access.IdempotentRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Recorded answers in {@code access.idempotent_request}, locked with a transaction-scoped advisory lock. */
@Repository
public class JooqIdempotentRequests implements IdempotentRequests {

    private final DSLContext db;
    private final Clock clock;

    public JooqIdempotentRequests(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean tryLock(UUID apiKeyId, String idempotencyKey) {
        // hashtextextended spreads (key, idempotency key) over 64 bits; a rare collision only makes one wait.
        return db.select(DSL.field(
                        "pg_try_advisory_xact_lock(hashtextextended({0}, 0))",
                        Boolean.class, DSL.val(apiKeyId + "/" + idempotencyKey)))
                .fetchSingle()
                .value1();
    }

    @Override
    public Optional<RecordedResponse> find(UUID apiKeyId, String idempotencyKey) {
        return db.selectFrom(IDEMPOTENT_REQUEST)
                .where(IDEMPOTENT_REQUEST.API_KEY_ID.eq(apiKeyId))
                .and(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional(row -> new RecordedResponse(
                        row.getRequestHash(),
                        row.getStatusCode(),
                        row.getContentType(),
                        row.getLocation(),
                        row.getResponseBody()));
    }

    @Override
    public void record(UUID apiKeyId, String idempotencyKey, RecordedResponse response) {
        db.insertInto(IDEMPOTENT_REQUEST)
                .set(IDEMPOTENT_REQUEST.API_KEY_ID, apiKeyId)
                .set(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY, idempotencyKey)
                .set(IDEMPOTENT_REQUEST.REQUEST_HASH, response.requestHash())
                .set(IDEMPOTENT_REQUEST.STATUS_CODE, response.status())
                .set(IDEMPOTENT_REQUEST.CONTENT_TYPE, response.contentType())
                .set(IDEMPOTENT_REQUEST.LOCATION, response.location())
                .set(IDEMPOTENT_REQUEST.RESPONSE_BODY, response.body())
                .set(IDEMPOTENT_REQUEST.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    @Override
    public Map<Key, RecordedResponse> findAll(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<Key, RecordedResponse> found = new HashMap<>();
        db.selectFrom(IDEMPOTENT_REQUEST)
                .where(DSL.row(IDEMPOTENT_REQUEST.API_KEY_ID, IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY)
                        .in(keys.stream()
                                .map(key -> DSL.row(key.apiKeyId(), key.idempotencyKey()))
                                .toList()))
                .forEach(row -> found.put(
                        new Key(row.getApiKeyId(), row.getIdempotencyKey()),
                        new RecordedResponse(
                                row.getRequestHash(),
                                row.getStatusCode(),
                                row.getContentType(),
                                row.getLocation(),
                                row.getResponseBody())));
        return found;
    }

    @Override
    public void recordAll(Map<Key, RecordedResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var insert = db.insertInto(
                IDEMPOTENT_REQUEST,
                IDEMPOTENT_REQUEST.API_KEY_ID,
                IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY,
                IDEMPOTENT_REQUEST.REQUEST_HASH,
                IDEMPOTENT_REQUEST.STATUS_CODE,
                IDEMPOTENT_REQUEST.CONTENT_TYPE,
                IDEMPOTENT_REQUEST.LOCATION,
                IDEMPOTENT_REQUEST.RESPONSE_BODY,
                IDEMPOTENT_REQUEST.CREATED_AT);
        for (var entry : responses.entrySet()) {
            RecordedResponse response = entry.getValue();
            insert = insert.values(
                    entry.getKey().apiKeyId(),
                    entry.getKey().idempotencyKey(),
                    response.requestHash(),
                    response.status(),
                    response.contentType(),
                    response.location(),
                    response.body(),
                    now);
        }
        insert.execute();
    }

    @Override
    public int forgetBefore(Instant instant) {
        return db.deleteFrom(IDEMPOTENT_REQUEST)
                .where(IDEMPOTENT_REQUEST.CREATED_AT.lt(instant.atOffset(ZoneOffset.UTC)))
                .execute();
    }
}
