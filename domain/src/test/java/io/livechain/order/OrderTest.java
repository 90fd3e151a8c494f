package io.livechain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.order.command.CancelOrder;
import io.livechain.order.command.ExpireOrder;
import io.livechain.order.command.PackOrder;
import io.livechain.order.command.PayOrder;
import io.livechain.order.command.PlaceOrder;
import io.livechain.order.command.RecordDeliveryProgress;
import io.livechain.order.event.OrderCancelled;
import io.livechain.order.event.OrderDelivered;
import io.livechain.order.event.OrderExpired;
import io.livechain.order.event.OrderOutForDelivery;
import io.livechain.order.event.OrderPacked;
import io.livechain.order.event.OrderPaid;
import io.livechain.order.event.OrderPlaced;
import io.livechain.order.event.OrderReturned;
import io.livechain.order.event.ShipmentProgressed;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final String DRESS = "DRESS-RED-M";
    private static final String HAT = "HAT-STRAW";
    private static final String BUYER = "alice@example.com";
    private static final Instant PLACED_AT = Instant.parse("2025-06-01T18:30:00Z");
    private static final Duration PAYMENT_WINDOW = Duration.ofMinutes(30);
    private static final Instant PAYMENT_DUE_AT = Instant.parse("2025-06-01T19:00:00Z");
    /** 2 × 19.90 + 1 × 9.50 */
    private static final BigDecimal TOTAL = new BigDecimal("49.30");

    private static final String REFERENCE = "psp-7f3a9c";
    private static final int PARCELS = 2;

    private final OrderId orderId = OrderId.random();
    private final ParticipantId merchant = ParticipantId.random();
    private final LiveStreamId liveStreamId = LiveStreamId.random();
    private final ParticipantId warehouse = ParticipantId.random();
    private final ShippingAddress address = new ShippingAddress("north", "12 Harbour Street", "Northport", "Alice");
    private final List<OrderLine> lines = List.of(
            new OrderLine(DRESS, 2, new BigDecimal("19.90"), StockState.RESERVED, warehouse),
            new OrderLine(HAT, 1, new BigDecimal("9.50"), StockState.BACKORDERED, null));
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    private PlaceOrder place() {
        return new PlaceOrder(orderId, merchant, liveStreamId, BUYER, lines, address, PLACED_AT, PAYMENT_WINDOW);
    }

    private OrderPlaced placed() {
        return new OrderPlaced(
                orderId, merchant, liveStreamId, BUYER, lines, address, TOTAL, PLACED_AT, PAYMENT_DUE_AT);
    }

    private OrderPaid paid() {
        return new OrderPaid(orderId, TOTAL, REFERENCE);
    }

    private OrderExpired expired() {
        return new OrderExpired(orderId, liveStreamId, List.of(DRESS, HAT));
    }

    private OrderCancelled cancelled(String reason) {
        return new OrderCancelled(orderId, liveStreamId, List.of(DRESS, HAT), reason);
    }

    private PayOrder pay(BigDecimal amount) {
        return new PayOrder(orderId, merchant, amount, REFERENCE, PLACED_AT.plusSeconds(60));
    }

    private final UUID delivery = UUID.randomUUID();
    private final ParticipantId otherWarehouse = ParticipantId.random();
    private final UUID dressDelivery = UUID.randomUUID();
    private final UUID hatDelivery = UUID.randomUUID();

    private PackOrder pack(int parcels) {
        return new PackOrder(orderId, warehouse, delivery, List.of(DRESS, HAT), parcels, "123456");
    }

    private OrderPacked packed() {
        return new OrderPacked(orderId, warehouse, PARCELS, "123456", delivery, List.of(DRESS, HAT), true);
    }

    private RecordDeliveryProgress progress(OrderStatus status) {
        return new RecordDeliveryProgress(orderId, delivery, status);
    }

    /** The dress from one warehouse, the hat from another: two shipments. */
    private OrderPacked dressPacked() {
        return new OrderPacked(orderId, warehouse, 1, "111111", dressDelivery, List.of(DRESS), false);
    }

    private OrderPacked hatPacked() {
        return new OrderPacked(orderId, otherWarehouse, 1, "222222", hatDelivery, List.of(HAT), true);
    }

    private ShipmentProgressed shipment(UUID deliveryId, OrderStatus stage) {
        return new ShipmentProgressed(orderId, deliveryId, stage);
    }

    // placing

    @Test
    void places_an_order_with_its_total_and_payment_due_date() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(place())
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(placed());
    }

    @Test
    void rejects_an_order_without_lines() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new PlaceOrder(
                        orderId, merchant, liveStreamId, BUYER, List.of(), address, PLACED_AT, PAYMENT_WINDOW))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    // paying

    @Test
    void pays_an_order_with_its_exact_total() {
        // given
        fixture.given(placed())
                // when
                .when(pay(new BigDecimal("49.30")))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(paid());
    }

    @Test
    void accepts_the_total_written_with_fewer_decimals() {
        // given
        fixture.given(placed())
                // when
                .when(pay(new BigDecimal("49.3")))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderPaid(orderId, new BigDecimal("49.3"), REFERENCE));
    }

    @Test
    void rejects_a_payment_of_less_than_the_total() {
        // given
        fixture.given(placed())
                // when
                .when(pay(new BigDecimal("49.29")))
                // then
                .expectException(PaymentAmountMismatch.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_payment_of_more_than_the_total() {
        // given
        fixture.given(placed())
                // when
                .when(pay(new BigDecimal("50.00")))
                // then
                .expectException(PaymentAmountMismatch.class)
                .expectNoEvents();
    }

    @Test
    void a_payment_without_an_amount_cannot_be_told() {
        // when, then: the command refuses to exist, naming the field
        assertThatThrownBy(() -> pay(null))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("amount"));
    }

    @Test
    void rejects_paying_another_merchants_order() {
        // given
        fixture.given(placed())
                // when
                .when(new PayOrder(orderId, ParticipantId.random(), TOTAL, REFERENCE, PLACED_AT))
                // then
                .expectException(OrderNotFound.class)
                .expectNoEvents();
    }

    @Test
    void paying_again_with_the_same_reference_changes_nothing() {
        // given
        fixture.given(placed(), paid())
                // when
                .when(pay(TOTAL))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejects_a_second_payment_with_another_reference() {
        // given
        fixture.given(placed(), paid())
                // when
                .when(new PayOrder(orderId, merchant, TOTAL, "psp-other", PLACED_AT))
                // then
                .expectException(OrderNotPayable.class)
                .expectNoEvents();
    }

    @Test
    void rejects_paying_an_expired_order() {
        // given
        fixture.given(placed(), expired())
                // when
                .when(pay(TOTAL))
                // then
                .expectException(OrderNotPayable.class)
                .expectNoEvents();
    }

    @Test
    void rejects_paying_a_cancelled_order() {
        // given
        fixture.given(placed(), cancelled("out of stock"))
                // when
                .when(pay(TOTAL))
                // then
                .expectException(OrderNotPayable.class)
                .expectNoEvents();
    }

    // cancelling

    @Test
    void cancels_a_placed_order() {
        // given
        fixture.given(placed())
                // when
                .when(new CancelOrder(orderId, merchant, "buyer changed their mind"))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(cancelled("buyer changed their mind"));
    }

    @Test
    void cancels_a_paid_order() {
        // given
        fixture.given(placed(), paid())
                // when
                .when(new CancelOrder(orderId, merchant, "damaged in stock"))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(cancelled("damaged in stock"));
    }

    @Test
    void cancelling_a_cancelled_order_changes_nothing() {
        // given
        fixture.given(placed(), cancelled("buyer changed their mind"))
                // when
                .when(new CancelOrder(orderId, merchant, "buyer changed their mind"))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejects_cancelling_an_expired_order() {
        // given
        fixture.given(placed(), expired())
                // when
                .when(new CancelOrder(orderId, merchant, "too late"))
                // then
                .expectException(OrderNotCancellable.class)
                .expectNoEvents();
    }

    @Test
    void rejects_cancelling_another_merchants_order() {
        // given
        fixture.given(placed())
                // when
                .when(new CancelOrder(orderId, ParticipantId.random(), "not mine"))
                // then
                .expectException(OrderNotFound.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_payment_after_the_payment_window_closed() {
        // given the window closed, before the platform got to expire the order
        fixture.given(placed())
                // when
                .when(new PayOrder(orderId, merchant, TOTAL, REFERENCE, PAYMENT_DUE_AT))
                // then
                .expectException(PaymentWindowClosed.class)
                .expectNoEvents();
    }

    // the payment window (the desk asks once the window is due)

    @Test
    void expires_an_unpaid_order_when_the_payment_window_has_closed() {
        // given
        fixture.given(placed())
                // when
                .when(new ExpireOrder(orderId, PAYMENT_DUE_AT))
                // then
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(expired());
    }

    @Test
    void does_not_expire_an_order_before_the_payment_window_closes() {
        // given
        fixture.given(placed())
                // when
                .when(new ExpireOrder(orderId, PAYMENT_DUE_AT.minusSeconds(1)))
                // then
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void does_not_expire_a_paid_order() {
        // given
        fixture.given(placed(), paid())
                // when
                .when(new ExpireOrder(orderId, PAYMENT_DUE_AT.plus(Duration.ofHours(1))))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void does_not_expire_a_cancelled_order() {
        // given
        fixture.given(placed(), cancelled("buyer changed their mind"))
                // when
                .when(new ExpireOrder(orderId, PAYMENT_DUE_AT.plus(Duration.ofHours(1))))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void expiring_an_expired_order_changes_nothing() {
        // given
        fixture.given(placed(), expired())
                // when
                .when(new ExpireOrder(orderId, PAYMENT_DUE_AT.plus(Duration.ofHours(1))))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // packing

    @Test
    void packs_a_paid_order() {
        // given
        fixture.given(placed(), paid())
                // when
                .when(pack(PARCELS))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(packed());
    }

    @Test
    void rejects_packing_without_the_buyers_delivery_code() {
        fixture.given(placed(), paid())
                .when(new PackOrder(orderId, warehouse, delivery, List.of(DRESS, HAT), PARCELS, " "))
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void rejects_packing_an_unpaid_order() {
        // given
        fixture.given(placed())
                // when
                .when(pack(PARCELS))
                // then
                .expectException(OrderNotReadyToPack.class)
                .expectNoEvents();
    }

    @Test
    void rejects_packing_a_cancelled_order() {
        // given
        fixture.given(placed(), paid(), cancelled("damaged in stock"))
                // when
                .when(pack(PARCELS))
                // then
                .expectException(OrderNotReadyToPack.class)
                .expectNoEvents();
    }

    @Test
    void packing_twice_changes_nothing() {
        // given
        fixture.given(placed(), paid(), packed())
                // when
                .when(pack(PARCELS))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejects_packing_into_zero_parcels() {
        // given
        fixture.given(placed(), paid())
                // when
                .when(pack(0))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void rejects_packing_into_more_than_100_parcels() {
        // given
        fixture.given(placed(), paid())
                // when
                .when(pack(101))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    // following the delivery

    @Test
    void a_packed_order_goes_out_for_delivery() {
        // given
        fixture.given(placed(), paid(), packed())
                // when
                .when(progress(OrderStatus.OUT_FOR_DELIVERY))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderOutForDelivery(orderId));
    }

    @Test
    void an_order_out_for_delivery_is_delivered() {
        // given
        fixture.given(placed(), paid(), packed(), new OrderOutForDelivery(orderId))
                // when
                .when(progress(OrderStatus.DELIVERED))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderDelivered(orderId));
    }

    @Test
    void going_out_for_delivery_again_changes_nothing() {
        // given
        fixture.given(placed(), paid(), packed(), new OrderOutForDelivery(orderId))
                // when
                .when(progress(OrderStatus.OUT_FOR_DELIVERY))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recording_a_delivered_order_again_changes_nothing() {
        // given
        fixture.given(placed(), paid(), packed(), new OrderOutForDelivery(orderId), new OrderDelivered(orderId))
                // when
                .when(progress(OrderStatus.DELIVERED))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void going_out_for_delivery_after_delivery_changes_nothing() {
        // given
        fixture.given(placed(), paid(), packed(), new OrderOutForDelivery(orderId), new OrderDelivered(orderId))
                // when
                .when(progress(OrderStatus.OUT_FOR_DELIVERY))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_order_out_for_delivery_is_returned() {
        // given
        fixture.given(placed(), paid(), packed(), new OrderOutForDelivery(orderId))
                // when
                .when(progress(OrderStatus.RETURNED))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderReturned(orderId));
    }

    @Test
    void recording_a_returned_order_again_changes_nothing() {
        // given
        fixture.given(placed(), paid(), packed(), new OrderOutForDelivery(orderId), new OrderReturned(orderId))
                // when
                .when(progress(OrderStatus.RETURNED))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_delivery_of_an_order_that_was_never_packed_changes_nothing() {
        // given
        fixture.given(placed())
                // when
                .when(progress(OrderStatus.DELIVERED))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejects_delivery_progress_that_is_not_a_delivery_stage() {
        // given
        fixture.given(placed(), paid(), packed())
                // when
                .when(progress(OrderStatus.PAID))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    // an order held at two warehouses ships in two shipments

    @Test
    void packs_one_shipment_of_an_order_and_leaves_it_paid_until_the_other_is_packed() {
        fixture.given(placed(), paid())
                .when(new PackOrder(orderId, warehouse, dressDelivery, List.of(DRESS), 1, "111111"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(dressPacked())
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.PAID));
    }

    @Test
    void the_last_shipment_packed_makes_the_order_packed() {
        fixture.given(placed(), paid(), dressPacked())
                .when(new PackOrder(orderId, otherWarehouse, hatDelivery, List.of(HAT), 1, "222222"))
                .expectEvents(hatPacked())
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.PACKED));
    }

    @Test
    void rejects_packing_a_line_that_is_packed_already() {
        fixture.given(placed(), paid(), dressPacked())
                .when(new PackOrder(orderId, otherWarehouse, hatDelivery, List.of(DRESS, HAT), 1, "222222"))
                .expectException(OrderNotReadyToPack.class)
                .expectNoEvents();
    }

    @Test
    void rejects_packing_a_line_the_order_does_not_have() {
        fixture.given(placed(), paid())
                .when(new PackOrder(orderId, warehouse, dressDelivery, List.of("SCARF-BLUE"), 1, "111111"))
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void an_order_with_a_packed_shipment_cannot_be_cancelled() {
        fixture.given(placed(), paid(), dressPacked())
                .when(new CancelOrder(orderId, merchant, "changed my mind"))
                .expectException(OrderNotCancellable.class)
                .expectNoEvents();
    }

    @Test
    void one_shipment_delivered_while_the_other_is_packed_leaves_the_order_packed() {
        fixture.given(placed(), paid(), dressPacked(), hatPacked())
                .when(new RecordDeliveryProgress(orderId, dressDelivery, OrderStatus.DELIVERED))
                .expectEvents(shipment(dressDelivery, OrderStatus.DELIVERED))
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.PACKED));
    }

    @Test
    void the_order_is_out_for_delivery_once_its_last_shipment_is() {
        fixture.given(
                        placed(),
                        paid(),
                        dressPacked(),
                        hatPacked(),
                        shipment(dressDelivery, OrderStatus.OUT_FOR_DELIVERY))
                .when(new RecordDeliveryProgress(orderId, hatDelivery, OrderStatus.OUT_FOR_DELIVERY))
                .expectEvents(shipment(hatDelivery, OrderStatus.OUT_FOR_DELIVERY), new OrderOutForDelivery(orderId));
    }

    @Test
    void the_order_is_delivered_when_all_its_shipments_are() {
        fixture.given(
                        placed(),
                        paid(),
                        dressPacked(),
                        hatPacked(),
                        shipment(dressDelivery, OrderStatus.OUT_FOR_DELIVERY),
                        shipment(hatDelivery, OrderStatus.OUT_FOR_DELIVERY),
                        new OrderOutForDelivery(orderId),
                        shipment(dressDelivery, OrderStatus.DELIVERED))
                .when(new RecordDeliveryProgress(orderId, hatDelivery, OrderStatus.DELIVERED))
                .expectEvents(shipment(hatDelivery, OrderStatus.DELIVERED), new OrderDelivered(orderId))
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED));
    }

    @Test
    void a_shipment_delivered_before_the_other_is_packed_waits_for_it() {
        fixture.given(placed(), paid(), dressPacked(), shipment(dressDelivery, OrderStatus.DELIVERED))
                .when(new PackOrder(orderId, otherWarehouse, hatDelivery, List.of(HAT), 1, "222222"))
                .expectEvents(hatPacked())
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.PACKED));
    }

    @Test
    void the_order_is_returned_when_one_shipment_came_back_and_the_other_ended() {
        fixture.given(
                        placed(),
                        paid(),
                        dressPacked(),
                        hatPacked(),
                        shipment(dressDelivery, OrderStatus.RETURNED),
                        shipment(hatDelivery, OrderStatus.OUT_FOR_DELIVERY))
                .when(new RecordDeliveryProgress(orderId, hatDelivery, OrderStatus.DELIVERED))
                .expectEvents(shipment(hatDelivery, OrderStatus.DELIVERED), new OrderReturned(orderId));
    }

    @Test
    void progress_of_a_delivery_that_is_not_the_orders_changes_nothing() {
        fixture.given(placed(), paid(), dressPacked(), hatPacked())
                .when(new RecordDeliveryProgress(orderId, UUID.randomUUID(), OrderStatus.DELIVERED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
