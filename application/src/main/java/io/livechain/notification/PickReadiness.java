package io.livechain.notification;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Whether an order is on warehouses' pick lists now: paid, every line reserved, and lines to pick at each. */
public interface PickReadiness {

    /** The order's merchant and the warehouses it is to be picked at, if it is ready to pick at any. */
    Optional<ReadyToPick> of(UUID orderId);

    record ReadyToPick(UUID merchantId, Set<UUID> warehouseIds) {
        public ReadyToPick {
            warehouseIds = Set.copyOf(warehouseIds);
        }
    }
}
