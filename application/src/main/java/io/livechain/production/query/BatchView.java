package io.livechain.production.query;

import java.util.List;
import java.util.UUID;

/** A batch and its genealogy: the orders whose waiting units it filled. */
public record BatchView(ProductionRequestView batch, List<ServedOrder> ordersServed) {

    public record ServedOrder(UUID orderId, String sku, int quantity) {}
}
