package io.livechain.catalog.event;

import io.livechain.catalog.ProductId;
import io.livechain.participant.ParticipantId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductDefined(
        ProductId productId,
        ParticipantId merchantId,
        String sku,
        String name,
        ParticipantId factoryId,
        int batchSize,
        int leadTimeHours)
        implements ProductEvent {}
