package io.livechain.webhook.store;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery ({@code livechain.webhooks.*}).
 *
 * @param allowPrivateTargets accept loopback, private and link-local targets: only for local development and tests
 * @param pollInterval how often subscriptions are looked at for something to deliver
 * @param connectTimeout how long a delivery waits to connect to the receiver
 * @param timeout how long a delivery waits for the receiver's answer
 * @param retry when failed deliveries are tried again, and when a failing subscription is disabled
 * @param concurrency most deliveries under way at once (each subscription delivers one at a time, in order)
 * @param batchSize most stored events a subscription reads at once
 * @param logRetention how long delivery attempts are kept in the delivery log
 * @param secretsKey the key (base64 of 32 random bytes: {@code openssl rand -base64 32}) the subscriptions' signing
 *     secrets are encrypted with in the database; blank: a key kept in a file of {@code livechain.data-dir} on the
 *     embedded database or in local development, and no start otherwise
 * @param previousSecretsKeys earlier keys, still read after a change of {@code secretsKey}: what they encrypted is
 *     encrypted again with {@code secretsKey} at the next start
 */
@ConfigurationProperties("livechain.webhooks")
public record WebhookProperties(
        boolean allowPrivateTargets,
        @DefaultValue("PT0.25S") Duration pollInterval,
        @DefaultValue("PT3S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue Retry retry,
        @DefaultValue("16") int concurrency,
        @DefaultValue("200") int batchSize,
        @DefaultValue("P7D") Duration logRetention,
        @DefaultValue("") String secretsKey,
        @DefaultValue List<String> previousSecretsKeys) {

    public WebhookProperties {
        secretsKey = secretsKey == null ? "" : secretsKey.strip();
        previousSecretsKeys = previousSecretsKeys == null
                ? List.of()
                : previousSecretsKeys.stream()
                        .map(String::strip)
                        .filter(key -> !key.isEmpty())
                        .toList();
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "WebhookProperties[allowPrivateTargets=" + allowPrivateTargets + ", pollInterval=" + pollInterval
                + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + ", retry=" + retry
                + ", concurrency=" + concurrency + ", batchSize=" + batchSize + ", logRetention=" + logRetention
                + ", secretsKey=" + (secretsKey.isEmpty() ? "(unset)" : "(set)") + ", previousSecretsKeys="
                + previousSecretsKeys.size() + "]";
    }

    /**
     * Retries: exponential backoff with jitter from {@code initialDelay} up to {@code maxDelay}; a subscription that
     * failed {@code disableAfterFailures} times in a row over at least {@code disableAfter} is disabled.
     */
    public record Retry(
            @DefaultValue("PT5S") Duration initialDelay,
            @DefaultValue("PT1H") Duration maxDelay,
            @DefaultValue("15") int disableAfterFailures,
            @DefaultValue("P3D") Duration disableAfter) {}
}
