package io.livechain.stock.query;

import java.util.List;
import java.util.UUID;

/** A SKU's stock per warehouse, what is on its way from factories, and how many units orders are waiting for. */
public record StockView(String sku, List<WarehouseStock> warehouses, int inbound, int backordered) {

    public record WarehouseStock(UUID warehouseId, int onHand, int reserved, int available) {}
}
