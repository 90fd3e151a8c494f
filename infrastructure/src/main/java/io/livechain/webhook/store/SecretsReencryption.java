package io.livechain.webhook.store;

import static io.livechain.infrastructure.jooq.webhook.Tables.SUBSCRIPTION;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * At every start, brings the stored signing secrets under the current key, in one transaction: those stored in clear
 * before they were encrypted, and those encrypted with an earlier key ({@code livechain.webhooks.previous-secrets-keys})
 * before it changed. A start with nothing to do reads no row. A subscription whose secret no configured key decrypts
 * is left as it is and logged as an error naming the key it needs ({@link SecretCipher.UnreadableSecret}): its
 * deliveries fail until that key is given back, or its secret is rotated with a grace period of 0.
 */
public class SecretsReencryption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretsReencryption.class);

    private final DSLContext db;
    private final SecretCipher cipher;

    public SecretsReencryption(DSLContext db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        int encrypted = reencrypt();
        if (encrypted > 0) {
            log.info(
                    "Encrypted the signing secrets of {} webhook subscriptions with the key {}",
                    encrypted,
                    cipher.currentKeyId());
        }
    }

    /** Encrypts with the current key every stored secret that is not yet; returns how many subscriptions changed. */
    public int reencrypt() {
        String current = SecretCipher.VERSION + ":" + cipher.currentKeyId() + ":%";
        return db.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            var stale = tx.select(SUBSCRIPTION.ID, SUBSCRIPTION.SECRET, SUBSCRIPTION.PREVIOUS_SECRET)
                    .from(SUBSCRIPTION)
                    .where(SUBSCRIPTION.SECRET.notLike(current))
                    .or(SUBSCRIPTION.PREVIOUS_SECRET.notLike(current))
                    .forUpdate()
                    .fetch();
            int encrypted = 0;
            for (Record3<UUID, String, String> row : stale) {
                UUID id = row.value1();
                try {
                    tx.update(SUBSCRIPTION)
                            .set(SUBSCRIPTION.SECRET, again(id, row.value2()))
                            .set(SUBSCRIPTION.PREVIOUS_SECRET, again(id, row.value3()))
                            .where(SUBSCRIPTION.ID.eq(id))
                            .execute();
                    encrypted++;
                } catch (SecretCipher.UnreadableSecret unreadable) {
                    log.error(
                            "{}. Give that key back in livechain.webhooks.previous-secrets-keys, or rotate the"
                                    + " subscription's secret with a grace period of 0",
                            unreadable.getMessage());
                }
            }
            return encrypted;
        });
    }

    private @Nullable String again(UUID subscriptionId, @Nullable String stored) {
        if (stored == null || cipher.isCurrent(stored)) {
            return stored;
        }
        return cipher.encrypt(subscriptionId, cipher.decrypt(subscriptionId, stored));
    }
}
