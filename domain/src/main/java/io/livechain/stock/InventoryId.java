package io.livechain.stock;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** One inventory per merchant and SKU, across all warehouses. */
public record InventoryId(UUID value) {

    public InventoryId {
        Objects.requireNonNull(value, "value");
    }

    public static InventoryId of(ParticipantId merchantId, String sku) {
        return new InventoryId(Ids.derived("inventory", merchantId, sku));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
