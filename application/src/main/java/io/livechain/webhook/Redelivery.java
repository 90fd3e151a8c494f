package io.livechain.webhook;

import io.livechain.shared.InvalidField;
import java.util.Objects;
import java.util.UUID;

/**
 * Deliver again every notification of a subscription from {@code fromPosition} of the event store on (a rewind: a
 * receiver that lost a day asks for that day again). A disabled subscription is enabled again by it. The position
 * must not be past the subscription's own: what it has not delivered yet is delivered anyway.
 */
public record Redelivery(UUID participantId, UUID subscriptionId, long fromPosition) {

    public static final String FROM_POSITION_FIELD = "fromPosition";

    public Redelivery {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        InvalidField.require(fromPosition >= 0, FROM_POSITION_FIELD, "must be 0 or more");
    }
}
