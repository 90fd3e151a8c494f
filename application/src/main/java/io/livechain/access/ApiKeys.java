package io.livechain.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The key store: hashes of issued keys and who they belong to. */
public interface ApiKeys {

    /** Issues a new key for the participant, storing only its hash; the caller shows the key once. */
    ApiKeySecret issue(Role role, UUID participantId);

    /** Stores the hash of a key chosen elsewhere (the operator's configured key). */
    void register(ApiKeySecret secret, Role role, UUID participantId);

    /** Who presented this key, if it is a known key that is neither revoked nor expired. */
    Optional<Caller> authenticate(String presentedKey);

    /**
     * Like {@link #authenticate}, but answered only from the keys checked recently, without looking the key up: for a
     * client that presented too many unknown keys, whose known keys keep working while its guesses cost nothing.
     */
    Optional<Caller> recall(String presentedKey);

    /** Whether any unrevoked key with this role exists. */
    boolean anyActive(Role role);

    /** Revokes every key of the role except the one given. */
    void revokeAllExcept(Role role, ApiKeySecret kept);

    /** A registered participant's keys (never the operator's), oldest first; empty when it holds none. */
    List<ApiKeyView> keysOf(UUID participantId);

    /**
     * Issues a new key, with the same role, to a registered participant that holds a key; its other keys stop working
     * after the grace period (or earlier, if they were to already). Empty when no registered participant has that id.
     * A key that stopped working stops at once on this instance; other instances forget their look-ups of it within
     * {@code livechain.security.key-cache-ttl}.
     */
    Optional<IssuedKey> rotate(KeyRotation rotation);

    /** Revokes one key of a registered participant at once; empty when it has no such key. */
    Optional<ApiKeyView> revoke(UUID participantId, UUID keyId);
}
