package io.livechain.desk;

import io.livechain.catalog.Product;
import io.livechain.catalog.ProductId;
import io.livechain.delivery.Delivery;
import io.livechain.delivery.DeliveryId;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.participant.Participant;
import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.production.ProductionBatch;
import io.livechain.sales.LiveStream;
import io.livechain.shared.LiveStreamId;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a use case can read while it decides: the aggregates as they are after every earlier decision of the batch.
 * Read-only: an aggregate's command handlers only work inside {@link DeskChanges}.
 */
public interface DeskState {

    Optional<LiveStream> liveStream(LiveStreamId id);

    Optional<Inventory> inventory(InventoryId id);

    Optional<Product> product(ProductId id);

    Optional<Order> order(OrderId id);

    Optional<Participant> participant(ParticipantId id);

    Optional<ProductionBatch> batch(BatchId id);

    Optional<Delivery> delivery(DeliveryId id);

    /** The time of this decision. */
    Instant now();
}
