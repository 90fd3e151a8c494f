package io.livechain.order.desk;

import io.livechain.desk.DeskChanges;
import io.livechain.desk.DeskState;
import io.livechain.order.Order;
import io.livechain.sales.command.ReturnOrderUnits;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.ReleaseOrderStock;
import java.util.ArrayList;
import java.util.List;

/**
 * An order's units going back to its offer (other buyers can have them) and to stock (waiting orders get them
 * first), in the same commit that ends the order.
 */
final class UnitsBack {

    private final Order order;
    private final boolean streamKnown;
    private final List<InventoryId> inventories = new ArrayList<>();

    private UnitsBack(Order order, boolean streamKnown) {
        this.order = order;
        this.streamKnown = streamKnown;
    }

    /** Looks up, while deciding, what holds the order's units. */
    static UnitsBack of(Order order, DeskState state) {
        UnitsBack back =
                new UnitsBack(order, state.liveStream(order.liveStreamId()).isPresent());
        for (String sku : order.skus()) {
            InventoryId inventoryId = InventoryId.of(order.merchantId(), sku);
            if (state.inventory(inventoryId).isPresent()) {
                back.inventories.add(inventoryId);
            }
        }
        return back;
    }

    void applyTo(DeskChanges changes, String reason) {
        if (streamKnown) {
            changes.liveStream(
                    order.liveStreamId(),
                    stream -> stream.handle(new ReturnOrderUnits(order.liveStreamId(), order.orderId(), reason)));
        }
        for (InventoryId inventoryId : inventories) {
            changes.inventory(
                    inventoryId, inventory -> inventory.handle(new ReleaseOrderStock(inventoryId, order.orderId())));
        }
    }
}
