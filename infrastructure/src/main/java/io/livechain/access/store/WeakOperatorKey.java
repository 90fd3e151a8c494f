package io.livechain.access.store;

/** The configured operator key ({@code LIVECHAIN_ADMIN_API_KEY}) is too weak to start with. */
public class WeakOperatorKey extends RuntimeException {

    WeakOperatorKey(String weakness) {
        super("LIVECHAIN_ADMIN_API_KEY (livechain.admin-api-key) is refused: " + weakness);
    }
}
