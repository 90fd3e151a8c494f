package io.livechain.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A participant's webhook subscriptions. Every question names the participant: another participant's subscription
 * is as absent as one that does not exist.
 */
public interface WebhookSubscriptions {

    /** How many subscriptions one participant may hold. */
    int MAX_PER_PARTICIPANT = 25;

    /**
     * Makes a subscription that delivers the notifications stored from now on; its secret is in the answer only.
     * Throws {@link io.livechain.shared.InvalidField} for a URL that may not be called, {@link TooManySubscriptions}
     * beyond {@link #MAX_PER_PARTICIPANT}.
     */
    IssuedSubscription subscribe(NewSubscription request);

    /** The participant's subscriptions, oldest first. */
    List<WebhookSubscriptionView> of(UUID participantId);

    Optional<WebhookSubscriptionView> find(UUID participantId, UUID subscriptionId);

    /** Deletes the subscription and its delivery log; false when the participant has no such subscription. */
    boolean unsubscribe(UUID participantId, UUID subscriptionId);

    Optional<IssuedSubscription> rotateSecret(SecretRotation rotation);

    /**
     * The subscription's delivery attempts, newest first, {@code limit} at a time; {@code cursor} is a {@code
     * nextCursor} of an earlier page (throws {@link InvalidDeliveryCursor} otherwise).
     */
    Optional<DeliveryLog> deliveries(UUID participantId, UUID subscriptionId, @Nullable String cursor, int limit);

    /** Rewinds the subscription to the position (and enables it again, if it was disabled). */
    Optional<WebhookSubscriptionView> redeliver(Redelivery redelivery);
}
