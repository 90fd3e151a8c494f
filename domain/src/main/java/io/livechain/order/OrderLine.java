package io.livechain.order;

import io.livechain.participant.ParticipantId;
import java.math.BigDecimal;

/** A line as admitted: its units, price, and where its stock was found (warehouse null when backordered). */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, StockState stock, ParticipantId warehouseId) {

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
