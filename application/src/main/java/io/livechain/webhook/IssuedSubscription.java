package io.livechain.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription with its signing secret, shown once: when the subscription is made and when its secret is rotated.
 *
 * @param previousSecretExpiresAt after a rotation, until when the previous secret signs too
 */
public record IssuedSubscription(
        WebhookSubscriptionView subscription,
        WebhookSecret secret,
        @Nullable Instant previousSecretExpiresAt) {}
