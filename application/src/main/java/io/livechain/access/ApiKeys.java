package io.livechain.access;

import java.util.Optional;
import java.util.UUID;

/** The key store: hashes of issued keys and who they belong to. */
public interface ApiKeys {

    /** Issues a new key for the participant, storing only its hash; the caller shows the key once. */
    ApiKeySecret issue(Role role, UUID participantId);

    /** Stores the hash of a key chosen elsewhere (the operator's configured key). */
    void register(ApiKeySecret secret, Role role, UUID participantId);

    /** Who presented this key, if it is a known, unrevoked key. */
    Optional<Caller> authenticate(String presentedKey);

    /** Whether any unrevoked key with this role exists. */
    boolean anyActive(Role role);

    /** Revokes every key of the role except the one given. */
    void revokeAllExcept(Role role, ApiKeySecret kept);
}
