package io.livechain.stock.event;

import io.livechain.stock.InventoryId;

public sealed interface InventoryEvent
        permits InventoryOpened,
                StockReceived,
                StockReserved,
                StockReleased,
                BackorderPlaced,
                BackorderFilled,
                BackorderCancelled,
                StockShipped,
                StockReturned {

    InventoryId inventoryId();
}
