package io.livechain.production.command;

import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replenishment asks the product's factory to make units. */
public record RequestProduction(
        @TargetAggregateIdentifier BatchId batchId,
        ParticipantId merchantId,
        ParticipantId factoryId,
        String sku,
        int quantity,
        Instant neededBy) {

    /** A request for no units, or needed at a time the platform cannot keep, is never made. */
    public RequestProduction {
        InvalidField.require(quantity >= 1, "quantity", "at least 1");
        InvalidField.require(Limits.isKeepable(neededBy), "neededBy", "required, between years 1970 and 9999");
    }
}
