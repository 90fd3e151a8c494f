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
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Limits;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A buyer's order, placed once its units were admitted by the offer and found (or queued) in stock. It must be
 * paid within the live stream's payment window, or it expires and its units go back. The desk places,
 * cancels and expires orders (together with the units they hold); payment, packing and delivery come through the
 * command bus.
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
        if (status == OrderStatus.PACKED) {
            return;
        }
        if (status != OrderStatus.PAID) {
            throw new OrderNotReadyToPack(status);
        }
        checkParcels(command.parcels());
        if (command.deliveryCode() == null || command.deliveryCode().isBlank()) {
            throw new InvalidOrder("a packed order needs the buyer's delivery code");
        }
        apply(new OrderPacked(orderId, command.warehouseId(), command.parcels(), command.deliveryCode()));
    }

    /** Throws unless the order can go out in this many parcels. */
    public static void checkParcels(int parcels) {
        if (parcels < 1 || parcels > Limits.MAX_PARCELS) {
            throw new InvalidOrder("parcels must be between 1 and " + Limits.MAX_PARCELS);
        }
    }

    /** Follows the delivery; a stage already reached (or passed) changes nothing. */
    @CommandHandler
    public void handle(RecordDeliveryProgress command) {
        if (command.status() == null) {
            throw new InvalidOrder("a delivery stage is required");
        }
        switch (command.status()) {
            case OUT_FOR_DELIVERY -> {
                if (status == OrderStatus.PACKED) {
                    apply(new OrderOutForDelivery(orderId));
                }
            }
            case DELIVERED -> {
                if (status == OrderStatus.PACKED || status == OrderStatus.OUT_FOR_DELIVERY) {
                    apply(new OrderDelivered(orderId));
                }
            }
            case RETURNED -> {
                if (status == OrderStatus.PACKED || status == OrderStatus.OUT_FOR_DELIVERY) {
                    apply(new OrderReturned(orderId));
                }
            }
            default -> throw new InvalidOrder("a delivery cannot make an order " + command.status());
        }
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
        status = OrderStatus.PACKED;
    }

    void on(OrderOutForDelivery event) {
        status = OrderStatus.OUT_FOR_DELIVERY;
    }

    void on(OrderDelivered event) {
        status = OrderStatus.DELIVERED;
    }

    void on(OrderReturned event) {
        status = OrderStatus.RETURNED;
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
