package io.livechain.order.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.PaymentWindows;
import io.livechain.desk.UseCase;
import io.livechain.order.InvalidOrder;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.order.OrderLine;
import io.livechain.order.OrderStatus;
import io.livechain.order.ShippingAddress;
import io.livechain.order.StockState;
import io.livechain.order.command.PlaceOrder;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.LiveStream;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.SoldOut;
import io.livechain.sales.UnknownLiveStream;
import io.livechain.sales.command.AdmitOrder;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;
import io.livechain.shared.LiveStreamId;
import io.livechain.shared.Sku;
import io.livechain.shared.UnknownSku;
import io.livechain.shared.Zone;
import io.livechain.stock.Allocation;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.AllocateStock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The flash-sale order: admitted by the offers (live, within quantity and per-buyer limit), each line reserved at a
 * warehouse or queued for stock, and placed with its payment window open.
 */
public record OrderPlacement(
        OrderId orderId,
        ParticipantId merchantId,
        LiveStreamId liveStreamId,
        String buyerId,
        List<RequestedLine> lines,
        ShippingAddress shippingAddress)
        implements UseCase<OrderPlacement.Placed> {

    public static final int MAX_LINES = Limits.MAX_ORDER_LINES;
    public static final int MAX_QUANTITY = Limits.MAX_ORDER_QUANTITY;
    /** What an order's total can be stored as (twelve digits, two of them decimals). */
    public static final BigDecimal MAX_TOTAL = Limits.MAX_TOTAL;

    private static final Pattern BUYER = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    /** A placement cannot exist with an invalid field: the request is refused before the desk sees it. */
    public OrderPlacement {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(merchantId, "merchantId");
        InvalidField.require(liveStreamId != null, "liveStreamId", "is required");
        InvalidField.require(
                buyerId != null && BUYER.matcher(buyerId).matches(), "buyerId", "1 to 64 letters, digits or . _ : @ -");
        InvalidField.require(
                lines != null && !lines.isEmpty() && lines.size() <= MAX_LINES,
                "lines",
                "1 to " + MAX_LINES + " lines");
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine line = lines.get(i);
            InvalidField.require(line != null, "lines[" + i + "]", "is required");
            InvalidField.require(Sku.isValid(line.sku()), "lines[" + i + "].sku", "not a valid SKU");
            InvalidField.require(skus.add(line.sku()), "lines[" + i + "].sku", "appears on two lines");
            InvalidField.require(
                    line.quantity() >= 1 && line.quantity() <= MAX_QUANTITY,
                    "lines[" + i + "].quantity",
                    "between 1 and " + MAX_QUANTITY);
        }
        lines = List.copyOf(lines);
        InvalidField.require(shippingAddress != null, "shippingAddress", "is required");
        InvalidField.require(Zone.isValid(Zone.fold(shippingAddress.zone())), "shippingAddress.zone", Zone.RULE);
        shippingAddress = new ShippingAddress(
                Zone.fold(shippingAddress.zone()),
                shippingAddress.line1(),
                shippingAddress.city(),
                shippingAddress.recipient());
        InvalidField.requireText(shippingAddress.line1(), Limits.MAX_NAME_LENGTH, "shippingAddress.line1");
        InvalidField.requireText(shippingAddress.city(), 100, "shippingAddress.city");
        InvalidField.requireText(shippingAddress.recipient(), Limits.MAX_NAME_LENGTH, "shippingAddress.recipient");
    }

    @Override
    public Decision<Placed> decide(DeskState state) {
        LiveStream stream = state.liveStream(liveStreamId).orElseThrow(UnknownLiveStream::new);
        Instant placedAt = state.now();
        stream.checkAdmission(merchantId, buyerId, lines, placedAt);
        List<Inventory> inventories = new ArrayList<>(lines.size());
        for (RequestedLine line : lines) {
            inventories.add(state.inventory(InventoryId.of(merchantId, line.sku()))
                    .orElseThrow(() -> new UnknownSku(line.sku(), "in your catalogue")));
        }
        ParticipantId oneWarehouse = oneWarehouseFor(inventories);
        List<OrderLine> decided = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine line = lines.get(i);
            OfferTerms offer = stream.offer(line.sku());
            Allocation allocation = inventories
                    .get(i)
                    .allocationFor(line.quantity(), shippingAddress.zone(), offer.allowBackorder(), oneWarehouse);
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
        }
        BigDecimal total = decided.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(MAX_TOTAL) > 0) {
            throw new InvalidOrder("the order total may be at most " + MAX_TOTAL);
        }
        Duration paymentWindow = Duration.ofMinutes(stream.paymentWindowMinutes());
        Instant paymentDueAt = placedAt.plus(paymentWindow);
        boolean backordered = decided.stream().anyMatch(line -> line.stock() == StockState.BACKORDERED);
        Placed placed = new Placed(
                orderId, OrderStatus.PLACED, backordered ? StockState.BACKORDERED : StockState.RESERVED, paymentDueAt);
        return Decision.accept(placed, changes -> {
            changes.liveStream(
                    liveStreamId,
                    s -> s.handle(new AdmitOrder(liveStreamId, merchantId, orderId, buyerId, lines, placedAt)));
            for (OrderLine line : decided) {
                InventoryId inventoryId = InventoryId.of(merchantId, line.sku());
                changes.inventory(
                        inventoryId,
                        i -> i.handle(new AllocateStock(
                                inventoryId,
                                orderId,
                                liveStreamId,
                                line.quantity(),
                                shippingAddress.zone(),
                                line.stock() == StockState.BACKORDERED,
                                oneWarehouse)));
            }
            changes.newOrder(() -> new Order(new PlaceOrder(
                    orderId, merchantId, liveStreamId, buyerId, decided, shippingAddress, placedAt, paymentWindow)));
            changes.openPaymentWindow(new PaymentWindows.Window(orderId, liveStreamId, paymentDueAt));
        });
    }

    /**
     * A warehouse that can serve every line of the order, if one can (and there are several lines): the order then
     * ships as one, from it, instead of in a shipment per warehouse (ADR 0009).
     */
    private @Nullable ParticipantId oneWarehouseFor(List<Inventory> inventories) {
        if (inventories.size() < 2) {
            return null;
        }
        Set<ParticipantId> common = null;
        for (int i = 0; i < inventories.size(); i++) {
            Set<ParticipantId> able =
                    inventories.get(i).warehousesAbleToServe(lines.get(i).quantity());
            common = common == null ? new HashSet<>(able) : common;
            common.retainAll(able);
            if (common.isEmpty()) {
                return null;
            }
        }
        return inventories
                .getFirst()
                .warehouseFor(lines.getFirst().quantity(), shippingAddress.zone(), common)
                .orElse(null);
    }

    /** What the buyer got: definitive. */
    public record Placed(OrderId orderId, OrderStatus status, StockState stock, Instant paymentDueAt) {}
}
