package io.livechain.desk;

import io.livechain.catalog.Product;
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
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How an accepted decision is applied: through the aggregates' command handlers (which apply the events), in the
 * batch's unit of work. Each change names an aggregate the decision has seen in {@link DeskState}.
 */
public interface DeskChanges {

    void liveStream(LiveStreamId id, Consumer<LiveStream> change);

    void inventory(InventoryId id, Consumer<Inventory> change);

    void order(OrderId id, Consumer<Order> change);

    void batch(BatchId id, Consumer<ProductionBatch> change);

    void delivery(DeliveryId id, Consumer<Delivery> change);

    void participant(ParticipantId id, Consumer<Participant> change);

    void newLiveStream(Callable<LiveStream> creation);

    void newInventory(Callable<Inventory> creation);

    void newProduct(Callable<Product> creation);

    void newOrder(Callable<Order> creation);

    void newDelivery(Callable<Delivery> creation);

    /** The order may expire: its window is stored with this batch, durable like its events. */
    void openPaymentWindow(PaymentWindows.Window window);

    /** The order can no longer expire (cancelled or expired): its window goes with this batch. */
    void closePaymentWindow(OrderId orderId);
}
