package io.livechain.access.store;

import static io.livechain.infrastructure.jooq.access.Tables.IDEMPOTENT_REQUEST;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnel;
import io.livechain.access.IdempotentRequests;
import io.livechain.infrastructure.jooq.access.tables.records.IdempotentRequestRecord;
import java.nio.charset.StandardCharsets;
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
import org.jooq.impl.SQLDataType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;

/**
 * Recorded answers in {@code access.idempotent_request}, locked with a transaction-scoped advisory lock.
 *
 * <p>A Bloom filter remembers every key recorded (loaded from the table once the platform is up, and fed by every
 * record), so that a request refused without the desk (sold out) needs no database look-up unless its key may have
 * been used.
 * A key recorded in a transaction that rolled back stays in the filter: that costs one look-up, never a wrong answer.
 */
@Repository
public class JooqIdempotentRequests implements IdempotentRequests {

    private static final Funnel<Key> KEY_FUNNEL =
            (key, into) -> into.putLong(key.apiKeyId().getMostSignificantBits())
                    .putLong(key.apiKeyId().getLeastSignificantBits())
                    .putString(key.idempotencyKey(), StandardCharsets.UTF_8);

    private final DSLContext db;
    private final Clock clock;
    private final BloomFilter<Key> recordedKeys;
    /** Until the keys already stored are in the filter, every "perhaps" must be asked of the database. */
    private volatile boolean keysLoaded;

    public JooqIdempotentRequests(DSLContext db, Clock clock, AccessProperties.Idempotency settings) {
        this.db = db;
        this.clock = clock;
        this.recordedKeys = BloomFilter.create(KEY_FUNNEL, settings.expectedKeys(), 0.001);
    }

    /** Reads the stored keys once the platform is up, off the request path; keys recorded meanwhile go in too. */
    @EventListener(ApplicationReadyEvent.class)
    public void loadRecordedKeys() {
        Thread.ofVirtual().name("idempotency-keys").start(() -> {
            // in a transaction, PostgreSQL streams the rows by the fetch size instead of sending them all at once
            db.transaction(transaction -> {
                try (var rows = transaction
                        .dsl()
                        .select(IDEMPOTENT_REQUEST.API_KEY_ID, IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY)
                        .from(IDEMPOTENT_REQUEST)
                        .fetchSize(10_000)
                        .fetchLazy()) {
                    rows.forEach(row -> recordedKeys.put(new Key(row.value1(), row.value2())));
                }
            });
            keysLoaded = true;
        });
    }

    @Override
    public boolean mightHaveRecorded(Key key) {
        return !keysLoaded || recordedKeys.mightContain(key);
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
                .fetchOptional(JooqIdempotentRequests::recorded);
    }

    @Override
    public void record(UUID apiKeyId, String idempotencyKey, RecordedResponse response) {
        recordedKeys.put(new Key(apiKeyId, idempotencyKey));
        db.insertInto(IDEMPOTENT_REQUEST)
                .set(IDEMPOTENT_REQUEST.API_KEY_ID, apiKeyId)
                .set(IDEMPOTENT_REQUEST.IDEMPOTENCY_KEY, idempotencyKey)
                .set(IDEMPOTENT_REQUEST.REQUEST_HASH, response.requestHash())
                .set(IDEMPOTENT_REQUEST.STATUS_CODE, response.status())
                .set(IDEMPOTENT_REQUEST.CONTENT_TYPE, response.contentType())
                .set(IDEMPOTENT_REQUEST.LOCATION, response.location())
                .set(IDEMPOTENT_REQUEST.RESPONSE_BODY, response.body())
                .set(IDEMPOTENT_REQUEST.EVENT_POSITION, response.hasPosition() ? response.position() : null)
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
                .forEach(row -> found.put(new Key(row.getApiKeyId(), row.getIdempotencyKey()), recorded(row)));
        return found;
    }

    private static RecordedResponse recorded(IdempotentRequestRecord row) {
        return new RecordedResponse(
                row.getRequestHash(),
                row.getStatusCode(),
                row.getContentType(),
                row.getLocation(),
                row.getResponseBody(),
                row.getEventPosition() == null ? 0 : row.getEventPosition());
    }

    @Override
    public void recordAll(Map<Key, RecordedResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        responses.keySet().forEach(recordedKeys::put);
        int size = responses.size();
        UUID[] apiKeyIds = new UUID[size];
        String[] keys = new String[size];
        byte[][] hashes = new byte[size][];
        Integer[] statuses = new Integer[size];
        String[] contentTypes = new String[size];
        String[] locations = new String[size];
        byte[][] bodies = new byte[size][];
        Long[] positions = new Long[size];
        int i = 0;
        for (var entry : responses.entrySet()) {
            RecordedResponse response = entry.getValue();
            apiKeyIds[i] = entry.getKey().apiKeyId();
            keys[i] = entry.getKey().idempotencyKey();
            hashes[i] = response.requestHash();
            statuses[i] = response.status();
            contentTypes[i] = response.contentType();
            locations[i] = response.location();
            bodies[i] = response.body();
            positions[i] = response.hasPosition() ? response.position() : null;
            i++;
        }
        // a batch of answers as one statement over arrays: nothing rendered or bound per answer
        db.execute(
                """
                INSERT INTO access.idempotent_request
                  (api_key_id, idempotency_key, request_hash, status_code, content_type, location, response_body,
                   event_position, created_at)
                SELECT a.*, {8} FROM unnest({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}) AS a""",
                DSL.val(apiKeyIds),
                DSL.val(keys),
                DSL.val(hashes, SQLDataType.BLOB.array()),
                DSL.val(statuses),
                DSL.val(contentTypes),
                DSL.val(locations),
                DSL.val(bodies, SQLDataType.BLOB.array()),
                DSL.val(positions),
                DSL.val(OffsetDateTime.now(clock)));
    }

    @Override
    public int forgetBefore(Instant instant) {
        return db.deleteFrom(IDEMPOTENT_REQUEST)
                .where(IDEMPOTENT_REQUEST.CREATED_AT.lt(instant.atOffset(ZoneOffset.UTC)))
                .execute();
    }
}
