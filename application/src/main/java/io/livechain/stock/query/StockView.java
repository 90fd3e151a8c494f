package io.livechain.stock.query;

import java.util.List;
import java.util.UUID;

/** A SKU's stock per warehouse, what is on its way from factories, and how many units orders are waiting for. */
public record StockView(String sku, List<WarehouseStock> warehouses, int inbound, int backordered) {

    public record WarehouseStock(UUID warehouseId, int onHand, int reserved, int available) {

        /** On hand is what was received and not shipped; available is what of it is not reserved. */
        public static WarehouseStock of(UUID warehouseId, int received, int reserved, int shipped) {
            int onHand = received - shipped;
            return new WarehouseStock(warehouseId, onHand, reserved, onHand - reserved);
        }
    }
}
