package io.livechain.access.store;

import static io.livechain.infrastructure.jooq.access.Tables.API_KEY;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.livechain.access.ApiKeySecret;
import io.livechain.access.ApiKeyView;
import io.livechain.access.ApiKeys;
import io.livechain.access.Caller;
import io.livechain.access.IssuedKey;
import io.livechain.access.KeyRotation;
import io.livechain.access.Role;
import io.livechain.infrastructure.jooq.access.tables.records.ApiKeyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** API keys in {@code access.api_key}: only hashes, looked up by hash. */
@Repository
public class JooqApiKeys implements ApiKeys {

    private final DSLContext db;
    private final Clock clock;
    /**
     * Keys are checked on every request; remembering the answer for a short while spares the database one query
     * per request. A key revoked or rotated away stops working at once on this instance (its look-up is forgotten when
     * the change commits, and an expiry is checked on every use), and within this time on other instances.
     */
    private final Cache<String, Optional<Known>> recentlyChecked;

    public JooqApiKeys(DSLContext db, Clock clock, AccessProperties.Keys settings) {
        this.db = db;
        this.clock = clock;
        Duration cacheTtl = settings.keyCacheTtl();
        this.recentlyChecked = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(cacheTtl)
                .build();
    }

    @Override
    public ApiKeySecret issue(Role role, UUID participantId) {
        ApiKeySecret secret = ApiKeySecret.generate();
        register(secret, role, participantId);
        return secret;
    }

    @Override
    public void register(ApiKeySecret secret, Role role, UUID participantId) {
        db.insertInto(API_KEY)
                .set(API_KEY.ID, UUID.randomUUID())
                .set(API_KEY.KEY_HASH, secret.hash())
                .set(API_KEY.ROLE, role.name())
                .set(API_KEY.PARTICIPANT_ID, participantId)
                .set(API_KEY.CREATED_AT, now())
                .onConflict(API_KEY.KEY_HASH)
                .doUpdate()
                .setNull(API_KEY.REVOKED_AT)
                .setNull(API_KEY.EXPIRES_AT)
                .execute();
        forgetAfterCommit(List.of(secret.hash()));
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        return valid(recentlyChecked.get(ApiKeySecret.hash(presentedKey), this::lookUp));
    }

    @Override
    public Optional<Caller> recall(String presentedKey) {
        Optional<Known> known = recentlyChecked.getIfPresent(ApiKeySecret.hash(presentedKey));
        return known == null ? Optional.empty() : valid(known);
    }

    private Optional<Caller> valid(Optional<Known> known) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Known key = known.get();
        return key.expiresAt() == null || clock.instant().isBefore(key.expiresAt())
                ? Optional.of(key.caller())
                : Optional.empty();
    }

    private Optional<Known> lookUp(String keyHash) {
        return db.select(API_KEY.ROLE, API_KEY.PARTICIPANT_ID, API_KEY.ID, API_KEY.EXPIRES_AT)
                .from(API_KEY)
                .where(API_KEY.KEY_HASH.eq(keyHash))
                .and(API_KEY.REVOKED_AT.isNull())
                .fetchOptional(row -> new Known(
                        new Caller(Role.valueOf(row.value1()), row.value2(), row.value3()),
                        row.value4() == null ? null : row.value4().toInstant()));
    }

    @Override
    public boolean anyActive(Role role) {
        return db.fetchExists(
                API_KEY,
                API_KEY.ROLE.eq(role.name()).and(API_KEY.REVOKED_AT.isNull()).and(unexpired()));
    }

    @Override
    public void revokeAllExcept(Role role, ApiKeySecret kept) {
        List<String> revoked = db.update(API_KEY)
                .set(API_KEY.REVOKED_AT, now())
                .where(API_KEY.ROLE.eq(role.name()))
                .and(API_KEY.REVOKED_AT.isNull())
                .and(API_KEY.KEY_HASH.ne(kept.hash()))
                .returning(API_KEY.KEY_HASH)
                .fetch(API_KEY.KEY_HASH);
        forgetAfterCommit(revoked);
    }

    @Override
    public List<ApiKeyView> keysOf(UUID participantId) {
        return db.selectFrom(API_KEY)
                .where(API_KEY.PARTICIPANT_ID.eq(participantId))
                .and(API_KEY.ROLE.ne(Role.ADMIN.name()))
                .orderBy(API_KEY.CREATED_AT, API_KEY.ID)
                .fetch(JooqApiKeys::view);
    }

    @Override
    public Optional<IssuedKey> rotate(KeyRotation rotation) {
        // the participant's role, from a key it holds: only registered participants hold keys (never the operator)
        Optional<String> role = db.select(API_KEY.ROLE)
                .from(API_KEY)
                .where(API_KEY.PARTICIPANT_ID.eq(rotation.participantId()))
                .and(API_KEY.ROLE.ne(Role.ADMIN.name()))
                .limit(1)
                .fetchOptional(API_KEY.ROLE);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        OffsetDateTime othersExpireAt = now.plus(rotation.gracePeriod());
        // every other key that still works stops at the end of the grace period, or earlier if it was to
        List<String> expiring = db.update(API_KEY)
                .set(
                        API_KEY.EXPIRES_AT,
                        DSL.when(API_KEY.EXPIRES_AT.lt(othersExpireAt), API_KEY.EXPIRES_AT)
                                .otherwise(othersExpireAt))
                .where(API_KEY.PARTICIPANT_ID.eq(rotation.participantId()))
                .and(API_KEY.ROLE.ne(Role.ADMIN.name()))
                .and(API_KEY.REVOKED_AT.isNull())
                .and(unexpired())
                .returning(API_KEY.KEY_HASH)
                .fetch(API_KEY.KEY_HASH);
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKeyRecord issued = db.insertInto(API_KEY)
                .set(API_KEY.ID, UUID.randomUUID())
                .set(API_KEY.KEY_HASH, secret.hash())
                .set(API_KEY.ROLE, role.get())
                .set(API_KEY.PARTICIPANT_ID, rotation.participantId())
                .set(API_KEY.CREATED_AT, now)
                .returning()
                .fetchSingle();
        forgetAfterCommit(expiring);
        return Optional.of(new IssuedKey(view(issued), secret, expiring.isEmpty() ? null : othersExpireAt.toInstant()));
    }

    @Override
    public Optional<ApiKeyView> revoke(UUID participantId, UUID keyId) {
        Optional<ApiKeyRecord> revoked = db.update(API_KEY)
                .set(API_KEY.REVOKED_AT, DSL.coalesce(API_KEY.REVOKED_AT, DSL.val(now())))
                .where(API_KEY.ID.eq(keyId))
                .and(API_KEY.PARTICIPANT_ID.eq(participantId))
                .and(API_KEY.ROLE.ne(Role.ADMIN.name()))
                .returning()
                .fetchOptional();
        revoked.ifPresent(key -> forgetAfterCommit(List.of(key.getKeyHash())));
        return revoked.map(JooqApiKeys::view);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
    }

    private org.jooq.Condition unexpired() {
        return API_KEY.EXPIRES_AT.isNull().or(API_KEY.EXPIRES_AT.gt(now()));
    }

    /**
     * Forgets the look-ups of these keys now, and again once the change committed: a request checking a key meanwhile
     * reads the row as it was before the change, and must not keep that answer.
     */
    private void forgetAfterCommit(Collection<String> keyHashes) {
        if (keyHashes.isEmpty()) {
            return;
        }
        recentlyChecked.invalidateAll(keyHashes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    recentlyChecked.invalidateAll(keyHashes);
                }
            });
        }
    }

    private static ApiKeyView view(ApiKeyRecord key) {
        return new ApiKeyView(
                key.getId(),
                key.getParticipantId(),
                Role.valueOf(key.getRole()),
                instant(key.getCreatedAt()),
                instant(key.getExpiresAt()),
                instant(key.getRevokedAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }

    /** A known, unrevoked key: who it is, and when it stops working (null: never). */
    private record Known(Caller caller, Instant expiresAt) {}
}
