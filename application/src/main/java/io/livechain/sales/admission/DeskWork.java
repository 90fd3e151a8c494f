package io.livechain.sales.admission;

import io.livechain.catalog.Product;
import io.livechain.catalog.ProductId;
import io.livechain.catalog.SkuAlreadyExists;
import io.livechain.catalog.UnknownFactory;
import io.livechain.catalog.UnknownSku;
import io.livechain.catalog.command.DefineProduct;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.order.OrderLine;
import io.livechain.order.OrderStatus;
import io.livechain.order.ShippingAddress;
import io.livechain.order.StockState;
import io.livechain.order.command.PlaceOrder;
import io.livechain.participant.Participant;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.production.BatchId;
import io.livechain.production.ProductionBatch;
import io.livechain.production.ReceiptExceedsShipment;
import io.livechain.production.UnknownBatch;
import io.livechain.production.command.ReceiveBatch;
import io.livechain.sales.LiveStream;
import io.livechain.sales.LiveStreamId;
import io.livechain.sales.LiveStreamNotFound;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.SoldOut;
import io.livechain.sales.UnknownLiveStream;
import io.livechain.sales.command.AdmitOrder;
import io.livechain.sales.command.EndLiveStream;
import io.livechain.sales.command.ReturnOrderUnits;
import io.livechain.sales.command.ScheduleLiveStream;
import io.livechain.sales.command.StartLiveStream;
import io.livechain.stock.Allocation;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.AllocateStock;
import io.livechain.stock.command.OpenInventory;
import io.livechain.stock.command.ReceiveStock;
import io.livechain.stock.command.ReleaseOrderStock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.modelling.command.Aggregate;

/**
 * The work the desk carries out, one use case each. Every one first checks everything it needs (throwing the
 * broken rule), then calls {@link DeskContext#beginChanges()} and applies.
 */
public final class DeskWork {

    private DeskWork() {}

    /** A product joins the catalogue, with an empty inventory. */
    public static Function<DeskContext, ProductDefinedResult> defineProduct(DefineProduct command) {
        return context -> {
            boolean isFactory = context.participant(command.factoryId())
                    .map(factory -> factory.invoke(Participant::kind) == ParticipantKind.FACTORY)
                    .orElse(false);
            if (!isFactory) {
                throw new UnknownFactory();
            }
            if (context.product(command.productId()).isPresent()) {
                throw new SkuAlreadyExists(command.sku());
            }
            context.beginChanges();
            context.newProduct(() -> new Product(command));
            InventoryId inventoryId = InventoryId.of(command.merchantId(), command.sku());
            context.newInventory(
                    () -> new Inventory(new OpenInventory(inventoryId, command.merchantId(), command.sku())));
            return new ProductDefinedResult(command.productId(), command.sku());
        };
    }

    /** A live stream is scheduled with its offers; every offered SKU must be in the merchant's catalogue. */
    public static Function<DeskContext, LiveStreamId> scheduleLiveStream(ScheduleLiveStream command) {
        return context -> {
            for (OfferTerms offer : command.offers()) {
                if (context.product(ProductId.of(command.merchantId(), offer.sku()))
                        .isEmpty()) {
                    throw new UnknownSku(offer.sku(), "in your catalogue");
                }
            }
            context.beginChanges();
            context.newLiveStream(() -> new LiveStream(command));
            return command.liveStreamId();
        };
    }

    public static Function<DeskContext, LiveStreamId> startLiveStream(StartLiveStream command) {
        return context -> {
            Aggregate<LiveStream> stream =
                    context.liveStream(command.liveStreamId()).orElseThrow(LiveStreamNotFound::new);
            stream.execute(s -> s.handle(command));
            return command.liveStreamId();
        };
    }

    public static Function<DeskContext, LiveStreamId> endLiveStream(EndLiveStream command) {
        return context -> {
            Aggregate<LiveStream> stream =
                    context.liveStream(command.liveStreamId()).orElseThrow(LiveStreamNotFound::new);
            stream.execute(s -> s.handle(command));
            return command.liveStreamId();
        };
    }

    /**
     * The flash-sale order: admitted by the offers (live, within quantity and per-buyer limit), its lines reserved
     * at a warehouse or queued for stock, and placed, with its payment window running.
     */
    public static Function<DeskContext, PlacedOrder> placeOrder(OrderRequest request) {
        return context -> {
            Aggregate<LiveStream> stream =
                    context.liveStream(request.liveStreamId()).orElseThrow(UnknownLiveStream::new);
            stream.execute(s -> s.checkAdmission(request.merchantId(), request.buyerId(), request.lines()));
            List<OrderLine> decided = new ArrayList<>();
            List<Aggregate<Inventory>> inventories = new ArrayList<>();
            for (RequestedLine line : request.lines()) {
                OfferTerms offer = stream.invoke(s -> s.offer(line.sku()));
                Aggregate<Inventory> inventory = context.inventory(InventoryId.of(request.merchantId(), line.sku()))
                        .orElseThrow(() -> new UnknownSku(line.sku(), "in your catalogue"));
                Allocation allocation = inventory.invoke(i -> i.allocationFor(
                        line.quantity(), request.shippingAddress().zone(), offer.allowBackorder()));
                decided.add(
                        switch (allocation) {
                            case Allocation.Reserve reserve ->
                                new OrderLine(
                                        line.sku(),
                                        line.quantity(),
                                        offer.price(),
                                        StockState.RESERVED,
                                        reserve.warehouseId());
                            case Allocation.Backorder backorder ->
                                new OrderLine(line.sku(), line.quantity(), offer.price(), StockState.BACKORDERED, null);
                            case Allocation.Unavailable unavailable -> throw new SoldOut(line.sku());
                        });
                inventories.add(inventory);
            }
            context.beginChanges();
            stream.execute(s -> s.handle(new AdmitOrder(
                    request.liveStreamId(),
                    request.merchantId(),
                    request.orderId(),
                    request.buyerId(),
                    request.lines())));
            for (int i = 0; i < decided.size(); i++) {
                OrderLine line = decided.get(i);
                boolean allowBackorder = line.stock() == StockState.BACKORDERED;
                inventories
                        .get(i)
                        .execute(inventory -> inventory.handle(new AllocateStock(
                                InventoryId.of(request.merchantId(), line.sku()),
                                request.orderId(),
                                request.liveStreamId(),
                                line.quantity(),
                                request.shippingAddress().zone(),
                                allowBackorder)));
            }
            Instant placedAt = context.now();
            Duration paymentWindow = Duration.ofMinutes(stream.invoke(LiveStream::paymentWindowMinutes));
            context.newOrder(() -> new Order(
                    new PlaceOrder(
                            request.orderId(),
                            request.merchantId(),
                            request.liveStreamId(),
                            request.buyerId(),
                            decided,
                            request.shippingAddress(),
                            placedAt,
                            paymentWindow),
                    context.deadlines()));
            boolean backordered = decided.stream().anyMatch(line -> line.stock() == StockState.BACKORDERED);
            return new PlacedOrder(
                    request.orderId(),
                    OrderStatus.PLACED,
                    backordered ? StockState.BACKORDERED : StockState.RESERVED,
                    placedAt.plus(paymentWindow));
        };
    }

    /**
     * A warehouse received units; orders waiting for this SKU are served first, in the order they were placed. A
     * receipt that names a production batch also records the batch as (partly) received, in the same transaction.
     */
    public static Function<DeskContext, ReceiptResult> receiveStock(
            ParticipantId warehouseId, ParticipantId merchantId, String sku, int quantity, UUID batchId) {
        return context -> {
            String zone = context.participant(warehouseId)
                    .map(warehouse -> warehouse.invoke(Participant::zone))
                    .orElse(null);
            Aggregate<Inventory> inventory = context.inventory(InventoryId.of(merchantId, sku))
                    .orElseThrow(() -> new UnknownSku(sku, "in that merchant's catalogue"));
            Aggregate<ProductionBatch> batch = null;
            if (batchId != null) {
                batch = context.batch(new BatchId(batchId))
                        .filter(found -> found.invoke(b -> b.isFor(merchantId, sku)))
                        .orElseThrow(() -> new UnknownBatch());
                int outstanding = batch.invoke(b -> b.outstandingFor(warehouseId));
                if (quantity > outstanding) {
                    throw new ReceiptExceedsShipment(outstanding);
                }
            }
            context.beginChanges();
            if (batch != null) {
                batch.execute(b -> b.handle(new ReceiveBatch(new BatchId(batchId), warehouseId, quantity)));
            }
            inventory.execute(i ->
                    i.handle(new ReceiveStock(InventoryId.of(merchantId, sku), warehouseId, zone, quantity, batchId)));
            return new ReceiptResult(UUID.randomUUID(), sku, quantity);
        };
    }

    /** An order's units go back to its offers and stock (it was cancelled or expired). Safe to repeat. */
    public static Function<DeskContext, OrderId> releaseOrder(
            OrderId orderId, LiveStreamId liveStreamId, List<String> skus, String reason) {
        return context -> {
            context.beginChanges();
            context.liveStream(liveStreamId)
                    .ifPresent(stream ->
                            stream.execute(s -> s.handle(new ReturnOrderUnits(liveStreamId, orderId, reason))));
            ParticipantId merchantId = context.liveStream(liveStreamId)
                    .map(stream -> stream.invoke(LiveStream::merchantId))
                    .orElse(null);
            if (merchantId != null) {
                for (String sku : skus) {
                    context.inventory(InventoryId.of(merchantId, sku))
                            .ifPresent(inventory -> inventory.execute(
                                    i -> i.handle(new ReleaseOrderStock(InventoryId.of(merchantId, sku), orderId))));
                }
            }
            return orderId;
        };
    }

    /** What the buyer asked for. */
    public record OrderRequest(
            OrderId orderId,
            ParticipantId merchantId,
            LiveStreamId liveStreamId,
            String buyerId,
            List<RequestedLine> lines,
            ShippingAddress shippingAddress) {}

    /** What the buyer got: definitive. */
    public record PlacedOrder(OrderId orderId, OrderStatus status, StockState stock, Instant paymentDueAt) {}

    public record ProductDefinedResult(ProductId productId, String sku) {}

    public record ReceiptResult(UUID receiptId, String sku, int quantity) {}
}
