package io.livechain.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.order.command.CancelOrder;
import io.livechain.order.command.ExpireOrder;
import io.livechain.order.command.PackOrder;
import io.livechain.order.command.PayOrder;
import io.livechain.order.command.PlaceOrder;
import io.livechain.order.command.RecordDeliveryProgress;
import io.livechain.order.event.OrderCancelled;
import io.livechain.order.event.OrderDelivered;
import io.livechain.order.event.OrderEvent;
import io.livechain.order.event.OrderExpired;
import io.livechain.order.event.OrderOutForDelivery;
import io.livechain.order.event.OrderPacked;
import io.livechain.order.event.OrderPaid;
import io.livechain.order.event.OrderPlaced;
import io.livechain.order.event.OrderReturned;
import io.livechain.order.event.ShipmentProgressed;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Limits;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A buyer's order, placed once its units were admitted by the offer and found (or queued) in stock. It must be
 * paid within the live stream's payment window, or it expires and its units go back. The desk places,
 * cancels and expires orders (together with the units they hold); payment, packing and delivery come through the
 * command bus.
 *
 * <p>An order whose lines are held at several warehouses ships as several shipments, one per warehouse, each with
 * its own delivery (ADR 0009). The order is PACKED when every line is packed, and then as far along as its least
 * advanced shipment: DELIVERED when all are delivered, RETURNED when all have ended and one came back.
 */
public class Order {

    /** The identifier as a plain string, as Axon stores it. */
    @AggregateIdentifier
    private String id;

    private OrderId orderId;

    private ParticipantId merchantId;
    private LiveStreamId liveStreamId;
    private List<String> skus;
    private BigDecimal total;
    private Instant paymentDueAt;
    private OrderStatus status;
    private String paymentReference;
    private String shippingZone;
    private final Set<String> packedSkus = new HashSet<>();
    private final Map<UUID, Shipment> shipments = new LinkedHashMap<>();

    protected Order() {}

    @CommandHandler
    public Order(PlaceOrder command) {
        if (command.lines().isEmpty()) {
            throw new InvalidOrder("an order has at least one line");
        }
        for (OrderLine line : command.lines()) {
            if (line.quantity() < 1
                    || line.unitPrice() == null
                    || line.unitPrice().signum() <= 0) {
                throw new InvalidOrder("every line needs a positive quantity and price");
            }
        }
        if (command.paymentWindow() == null
                || command.paymentWindow().isNegative()
                || command.paymentWindow().isZero()) {
            throw new InvalidOrder("the payment window must be positive");
        }
        BigDecimal total = command.lines().stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var paymentDueAt = command.placedAt().plus(command.paymentWindow());
        apply(new OrderPlaced(
                command.orderId(),
                command.merchantId(),
                command.liveStreamId(),
                command.buyerId(),
                command.lines(),
                command.shippingAddress(),
                total,
                command.placedAt(),
                paymentDueAt));
    }

    @CommandHandler
    public void handle(PayOrder command) {
        requireOwner(command.merchantId());
        if (status == OrderStatus.PAID && Objects.equals(command.reference(), paymentReference)) {
            return; // the same payment told twice
        }
        if (status != OrderStatus.PLACED) {
            throw new OrderNotPayable(status);
        }
        if (command.at() != null && !command.at().isBefore(paymentDueAt)) {
            throw new PaymentWindowClosed(paymentDueAt);
        }
        if (command.amount() == null || command.amount().compareTo(total) != 0) {
            throw new PaymentAmountMismatch(total);
        }
        apply(new OrderPaid(orderId, command.amount(), command.reference()));
    }

    /** Cancels the order; true if it changed (a repeated cancel changes nothing). */
    @CommandHandler
    public boolean handle(CancelOrder command) {
        requireOwner(command.merchantId());
        if (status == OrderStatus.CANCELLED) {
            return false;
        }
        checkCancellable();
        apply(new OrderCancelled(orderId, liveStreamId, skus, command.reason()));
        return true;
    }

    /** Throws unless the order can still be cancelled: the desk asks before it changes anything. */
    public void checkCancellable() {
        if (status != OrderStatus.PLACED && status != OrderStatus.PAID && status != OrderStatus.CANCELLED) {
            throw new OrderNotCancellable(status);
        }
        if (!shipments.isEmpty()) {
            throw new OrderNotCancellable("an order with a packed shipment cannot be cancelled");
        }
    }

    /** Whether the payment window has closed on an unpaid order at that instant. */
    public boolean isPaymentOverdue(Instant at) {
        return status == OrderStatus.PLACED && !at.isBefore(paymentDueAt);
    }

    /** The payment window closed before the order was paid: it expires. Anything else changes nothing. */
    @CommandHandler
    public boolean handle(ExpireOrder command) {
        if (!isPaymentOverdue(command.at())) {
            return false;
        }
        apply(new OrderExpired(orderId, liveStreamId, skus));
        return true;
    }

    @CommandHandler
    public void handle(PackOrder command) {
        if (command.deliveryId() == null) {
            throw new InvalidOrder("a shipment needs its delivery");
        }
        if (shipments.containsKey(command.deliveryId())) {
            return; // this shipment was packed before
        }
        if (status != OrderStatus.PAID) {
            throw new OrderNotReadyToPack(status);
        }
        checkParcels(command.parcels());
        if (command.deliveryCode() == null || command.deliveryCode().isBlank()) {
            throw new InvalidOrder("a packed order needs the buyer's delivery code");
        }
        Set<String> lines = command.skus() == null ? Set.of() : Set.copyOf(command.skus());
        if (lines.isEmpty() || !skus.containsAll(lines)) {
            throw new InvalidOrder("a shipment holds some of the order's own lines");
        }
        if (lines.stream().anyMatch(packedSkus::contains)) {
            throw new OrderNotReadyToPack("a line of this shipment is packed already");
        }
        boolean allPacked = packedSkus.size() + lines.size() == skus.size();
        apply(new OrderPacked(
                orderId,
                command.warehouseId(),
                command.parcels(),
                command.deliveryCode(),
                command.deliveryId(),
                skus.stream().filter(lines::contains).toList(),
                allPacked));
    }

    /** Throws unless the order can go out in this many parcels. */
    public static void checkParcels(int parcels) {
        if (parcels < 1 || parcels > Limits.MAX_PARCELS) {
            throw new InvalidOrder("parcels must be between 1 and " + Limits.MAX_PARCELS);
        }
    }

    /**
     * Follows one shipment's delivery; a stage already reached (or passed) changes nothing. The order moves when its
     * least advanced shipment does.
     */
    @CommandHandler
    public void handle(RecordDeliveryProgress command) {
        OrderStatus stage = command.status();
        if (stage != OrderStatus.OUT_FOR_DELIVERY && stage != OrderStatus.DELIVERED && stage != OrderStatus.RETURNED) {
            throw new InvalidOrder("a delivery cannot make an order " + stage);
        }
        Shipment shipment = shipments.get(command.deliveryId());
        if (shipment == null || progress(stage) <= progress(shipment.stage())) {
            return; // not one of this order's shipments, or there already
        }
        OrderStatus moved = statusWith(command.deliveryId(), stage);
        if (shipments.size() > 1 || packedSkus.size() < skus.size()) {
            apply(new ShipmentProgressed(orderId, command.deliveryId(), stage));
        }
        if (moved != status) {
            switch (moved) {
                case OUT_FOR_DELIVERY -> apply(new OrderOutForDelivery(orderId));
                case DELIVERED -> apply(new OrderDelivered(orderId));
                case RETURNED -> apply(new OrderReturned(orderId));
                default -> {} // still waiting for another shipment
            }
        }
    }

    /** The order's status were this shipment at that stage: its least advanced shipment's, once all lines are packed. */
    private OrderStatus statusWith(UUID deliveryId, OrderStatus stage) {
        if (packedSkus.size() < skus.size()) {
            return status;
        }
        List<OrderStatus> stages = shipments.values().stream()
                .map(shipment -> shipment.deliveryId().equals(deliveryId) ? stage : shipment.stage())
                .toList();
        if (stages.contains(OrderStatus.PACKED)) {
            return OrderStatus.PACKED;
        }
        if (stages.contains(OrderStatus.OUT_FOR_DELIVERY)) {
            return OrderStatus.OUT_FOR_DELIVERY;
        }
        return stages.contains(OrderStatus.RETURNED) ? OrderStatus.RETURNED : OrderStatus.DELIVERED;
    }

    /** How far a shipment went: delivered and returned both end it. */
    private static int progress(OrderStatus stage) {
        return switch (stage) {
            case PACKED -> 0;
            case OUT_FOR_DELIVERY -> 1;
            default -> 2;
        };
    }

    private void requireOwner(ParticipantId merchant) {
        if (!merchantId.equals(merchant)) {
            throw new OrderNotFound();
        }
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(OrderEvent event) {
        switch (event) {
            case OrderPlaced orderPlaced -> on(orderPlaced);
            case OrderPaid orderPaid -> on(orderPaid);
            case OrderCancelled orderCancelled -> on(orderCancelled);
            case OrderExpired orderExpired -> on(orderExpired);
            case OrderPacked orderPacked -> on(orderPacked);
            case OrderOutForDelivery orderOutForDelivery -> on(orderOutForDelivery);
            case OrderDelivered orderDelivered -> on(orderDelivered);
            case OrderReturned orderReturned -> on(orderReturned);
            case ShipmentProgressed shipmentProgressed -> on(shipmentProgressed);
        }
    }

    void on(OrderPlaced event) {
        id = event.orderId().toString();
        orderId = event.orderId();
        merchantId = event.merchantId();
        liveStreamId = event.liveStreamId();
        skus = event.lines().stream().map(OrderLine::sku).toList();
        total = event.total();
        paymentDueAt = event.paymentDueAt();
        status = OrderStatus.PLACED;
        shippingZone =
                event.shippingAddress() == null ? null : event.shippingAddress().zone();
    }

    void on(OrderPaid event) {
        status = OrderStatus.PAID;
        paymentReference = event.reference();
    }

    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    void on(OrderExpired event) {
        status = OrderStatus.EXPIRED;
    }

    void on(OrderPacked event) {
        List<String> lines = event.skus() == null ? skus : event.skus(); // revision 2: the whole order
        packedSkus.addAll(lines);
        shipments.put(
                event.deliveryId(),
                new Shipment(event.deliveryId(), event.warehouseId(), List.copyOf(lines), OrderStatus.PACKED));
        if (event.allPacked()) {
            status = OrderStatus.PACKED;
        }
    }

    void on(ShipmentProgressed event) {
        shipments.computeIfPresent(event.deliveryId(), (id, shipment) -> shipment.at(event.stage()));
    }

    void on(OrderOutForDelivery event) {
        followedBySoleShipment(OrderStatus.OUT_FOR_DELIVERY);
    }

    void on(OrderDelivered event) {
        followedBySoleShipment(OrderStatus.DELIVERED);
    }

    void on(OrderReturned event) {
        followedBySoleShipment(OrderStatus.RETURNED);
    }

    /** An order that ships as one records its shipment's progress in its own events only. */
    private void followedBySoleShipment(OrderStatus reached) {
        status = reached;
        if (shipments.size() == 1) {
            shipments.replaceAll((id, shipment) -> shipment.at(reached));
        }
    }

    /** The shipment carried by that delivery, if the order has one. */
    public Optional<Shipment> shipment(UUID deliveryId) {
        return Optional.ofNullable(shipments.get(deliveryId));
    }

    /** The shipment that carries that line, once it is packed. */
    public Optional<Shipment> shipmentOf(String sku) {
        return shipments.values().stream()
                .filter(shipment -> shipment.skus().contains(sku))
                .findFirst();
    }

    /** The shipment packed at that warehouse, if one was. */
    public Optional<Shipment> shipmentFrom(ParticipantId warehouseId) {
        return shipments.values().stream()
                .filter(shipment -> shipment.warehouseId().equals(warehouseId))
                .findFirst();
    }

    /** Some of the order's lines, packed together at one warehouse and carried by one delivery. */
    public record Shipment(UUID deliveryId, ParticipantId warehouseId, List<String> skus, OrderStatus stage) {

        Shipment at(OrderStatus reached) {
            return new Shipment(deliveryId, warehouseId, skus, reached);
        }
    }

    public OrderId orderId() {
        return orderId;
    }

    public LiveStreamId liveStreamId() {
        return liveStreamId;
    }

    public Instant paymentDueAt() {
        return paymentDueAt;
    }

    public ParticipantId merchantId() {
        return merchantId;
    }

    public List<String> skus() {
        return skus;
    }

    public String shippingZone() {
        return shippingZone;
    }

    public OrderStatus status() {
        return status;
    }
}
