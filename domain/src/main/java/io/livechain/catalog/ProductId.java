package io.livechain.catalog;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** A product is identified by its merchant and SKU: a second product with the same SKU cannot be created. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId of(ParticipantId merchantId, String sku) {
        return new ProductId(Ids.derived("product", merchantId, sku));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
