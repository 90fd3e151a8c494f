package io.livechain.participant.command;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The operator stops a warehouse from receiving a merchant's stock. */
public record UnlinkMerchant(@TargetAggregateIdentifier ParticipantId warehouseId, ParticipantId merchantId)
        implements DeskCommand {

    public UnlinkMerchant {
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(merchantId, "merchantId");
    }
}
