package io.livechain.participant.command;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The operator lets a warehouse serve a merchant: receive its stock, hold it, pack its orders. */
public record LinkMerchant(@TargetAggregateIdentifier ParticipantId warehouseId, ParticipantId merchantId)
        implements DeskCommand {

    public LinkMerchant {
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(merchantId, "merchantId");
    }
}
