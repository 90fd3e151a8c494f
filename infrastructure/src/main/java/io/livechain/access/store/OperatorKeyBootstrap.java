package io.livechain.access.store;

import io.livechain.access.ApiKeySecret;
import io.livechain.access.ApiKeys;
import io.livechain.access.Caller;
import io.livechain.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's key. From {@code LIVECHAIN_ADMIN_API_KEY} when set (replacing any earlier operator key);
 * otherwise one is generated at first start and logged exactly once: later starts find it in the key store.
 *
 * <p>A configured key that is short, a published default or guessable ({@link OperatorKeyStrength}) stops the start,
 * unless the platform runs for local development ({@code livechain.local-development=true}, which the demo sale's
 * jar sets), which accepts it with a warning.
 */
@Component
public class OperatorKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorKeyBootstrap.class);

    private final ApiKeys apiKeys;
    private final AccessProperties.Operator settings;

    OperatorKeyBootstrap(ApiKeys apiKeys, AccessProperties.Operator settings) {
        this.apiKeys = apiKeys;
        this.settings = settings;
        if (settings.hasConfiguredKey()) {
            OperatorKeyStrength.weakness(settings.adminApiKey()).ifPresent(weakness -> {
                if (!settings.localDevelopment()) {
                    throw new WeakOperatorKey(weakness);
                }
                log.warn(
                        "LIVECHAIN_ADMIN_API_KEY is weak ({}); accepted only because {} is set: never expose this"
                                + " instance",
                        weakness,
                        "livechain.local-development");
            });
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (settings.hasConfiguredKey()) {
            ApiKeySecret secret = new ApiKeySecret(settings.adminApiKey());
            apiKeys.register(secret, Role.ADMIN, Caller.OPERATOR_ID);
            apiKeys.revokeAllExcept(Role.ADMIN, secret);
            log.info("Operator key taken from LIVECHAIN_ADMIN_API_KEY");
        } else if (!apiKeys.anyActive(Role.ADMIN)) {
            ApiKeySecret secret = apiKeys.issue(Role.ADMIN, Caller.OPERATOR_ID);
            log.warn(
                    "No LIVECHAIN_ADMIN_API_KEY set: generated the operator key {} (shown once; keep it safe)",
                    secret.value());
        }
    }
}
