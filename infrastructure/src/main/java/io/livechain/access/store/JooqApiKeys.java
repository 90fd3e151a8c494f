package io.livechain.access.store;

import static io.livechain.infrastructure.jooq.access.Tables.API_KEY;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.livechain.access.ApiKeySecret;
import io.livechain.access.ApiKeys;
import io.livechain.access.Caller;
import io.livechain.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/** API keys in {@code access.api_key}: only hashes, looked up by hash. */
@Repository
public class JooqApiKeys implements ApiKeys {

    private final DSLContext db;
    private final Clock clock;
    /**
     * Keys are checked on every request; remembering the answer for a short while spares the database one query
     * per request. A revoked key stops working within this time on other instances (at once on this one).
     */
    private final Cache<String, Optional<Caller>> recentlyChecked;

    public JooqApiKeys(
            DSLContext db, Clock clock, @Value("${livechain.security.key-cache-ttl:PT30S}") Duration cacheTtl) {
        this.db = db;
        this.clock = clock;
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
                .set(API_KEY.CREATED_AT, OffsetDateTime.now(clock))
                .onConflict(API_KEY.KEY_HASH)
                .doUpdate()
                .setNull(API_KEY.REVOKED_AT)
                .execute();
        recentlyChecked.invalidate(secret.hash());
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        return recentlyChecked.get(ApiKeySecret.hash(presentedKey), this::lookUp);
    }

    private Optional<Caller> lookUp(String keyHash) {
        return db.select(API_KEY.ROLE, API_KEY.PARTICIPANT_ID, API_KEY.ID)
                .from(API_KEY)
                .where(API_KEY.KEY_HASH.eq(keyHash))
                .and(API_KEY.REVOKED_AT.isNull())
                .fetchOptional(row -> new Caller(Role.valueOf(row.value1()), row.value2(), row.value3()));
    }

    @Override
    public boolean anyActive(Role role) {
        return db.fetchExists(API_KEY, API_KEY.ROLE.eq(role.name()).and(API_KEY.REVOKED_AT.isNull()));
    }

    @Override
    public void revokeAllExcept(Role role, ApiKeySecret kept) {
        db.update(API_KEY)
                .set(API_KEY.REVOKED_AT, OffsetDateTime.now(clock))
                .where(API_KEY.ROLE.eq(role.name()))
                .and(API_KEY.REVOKED_AT.isNull())
                .and(API_KEY.KEY_HASH.ne(kept.hash()))
                .execute();
        recentlyChecked.invalidateAll();
    }
}
