package io.livechain.webhook.store;

import java.time.Duration;
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
        @DefaultValue("P7D") Duration logRetention) {

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
