package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportFailedAttempt(
        @TargetAggregateIdentifier DeliveryId deliveryId, ParticipantId courierId, String reason) {

    public ReportFailedAttempt {
        InvalidField.requireText(reason, Limits.MAX_REASON_LENGTH, "reason");
        reason = reason.strip();
    }
}
