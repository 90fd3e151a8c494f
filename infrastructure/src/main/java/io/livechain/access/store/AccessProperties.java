package io.livechain.access.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Who may call, and what the platform remembers of their requests. */
final class AccessProperties {

    private AccessProperties() {}

    /**
     * Recorded answers to {@code Idempotency-Key}s ({@code livechain.idempotency.*}).
     *
     * @param retention how long recorded answers are kept at least
     * @param expectedKeys the size of the in-memory filter of recorded keys (a sold-out answer needs no look-up)
     */
    @ConfigurationProperties("livechain.idempotency")
    record Idempotency(
            @DefaultValue("PT24H") Duration retention,
            @DefaultValue("10000000") long expectedKeys) {}

    /**
     * API keys ({@code livechain.security.*}).
     *
     * @param keyCacheTtl how long a key look-up is remembered: other instances forget a revoked key within it
     */
    @ConfigurationProperties("livechain.security")
    record Keys(@DefaultValue("PT30S") Duration keyCacheTtl) {}

    /**
     * The operator's key ({@code livechain.admin-api-key}, {@code livechain.local-development}).
     *
     * @param adminApiKey the operator key to use, replacing any earlier one; blank: keep the stored one, or generate
     *     one at the first start
     * @param localDevelopment only on a developer's own machine: a weak or published key is accepted, with a warning
     */
    @ConfigurationProperties("livechain")
    record Operator(@DefaultValue("") String adminApiKey, boolean localDevelopment) {

        Operator {
            adminApiKey = adminApiKey == null ? "" : adminApiKey.strip();
        }

        boolean hasConfiguredKey() {
            return !adminApiKey.isEmpty();
        }

        /** Never the key itself. */
        @Override
        public String toString() {
            return "Operator[adminApiKey=" + (hasConfiguredKey() ? "(set)" : "(unset)") + ", localDevelopment="
                    + localDevelopment + "]";
        }
    }
}
