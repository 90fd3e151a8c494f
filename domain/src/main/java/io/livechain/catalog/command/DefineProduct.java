package io.livechain.catalog.command;

import io.livechain.catalog.ProductId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The merchant adds a product to its catalogue. */
public record DefineProduct(
        @TargetAggregateIdentifier ProductId productId,
        ParticipantId merchantId,
        String sku,
        String name,
        ParticipantId factoryId,
        int batchSize,
        int leadTimeHours)
        implements DeskCommand {

    public DefineProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(factoryId, "factoryId");
    }
}
