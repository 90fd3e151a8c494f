package io.livechain.delivery.command;

import io.livechain.delivery.DeliveryId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delivered, with proof: who received it and the code they gave (both kept without surrounding blanks). */
public record DeliverParcel(
        @TargetAggregateIdentifier DeliveryId deliveryId, ParticipantId courierId, String recipientName, String code) {

    public DeliverParcel {
        InvalidField.requireText(recipientName, Limits.MAX_NAME_LENGTH, "proof.recipientName");
        InvalidField.requireText(code, Limits.MAX_DELIVERY_CODE_LENGTH, "proof.code");
        recipientName = recipientName.strip();
        code = code.strip();
    }
}
