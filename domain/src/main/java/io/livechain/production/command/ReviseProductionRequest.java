package io.livechain.production.command;

import io.livechain.production.BatchId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Demand changed before the factory answered: the request's size follows it. */
public record ReviseProductionRequest(
        @TargetAggregateIdentifier BatchId batchId, int quantity, Instant neededBy) {

    /** A revision to no units, or to a time the platform cannot keep, is never made. */
    public ReviseProductionRequest {
        InvalidField.require(quantity >= 1, "quantity", "at least 1");
        InvalidField.require(Limits.isKeepable(neededBy), "neededBy", "required, between years 1970 and 9999");
    }
}
