package io.livechain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.event.ClaimExpired;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.forecast.Period;
import io.livechain.forecast.event.DemandForecastPublished;
import io.livechain.notification.Notification.DeliveryClaimExpired;
import io.livechain.notification.Notification.OrderReadyToPick;
import io.livechain.notification.Notification.OrderStatusChanged;
import io.livechain.order.OrderId;
import io.livechain.order.OrderLine;
import io.livechain.order.ShippingAddress;
import io.livechain.order.StockState;
import io.livechain.order.event.OrderPacked;
import io.livechain.order.event.OrderPaid;
import io.livechain.order.event.OrderPlaced;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class EventNotificationsTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId warehouse = ParticipantId.random();
    private final ParticipantId otherWarehouse = ParticipantId.random();
    private final ParticipantId courier = ParticipantId.random();
    private final OrderId order = OrderId.random();
    private final DeliveryId delivery = new DeliveryId(UUID.randomUUID());
    private Optional<PickReadiness.ReadyToPick> ready = Optional.empty();

    private final EventNotifications notifications = new EventNotifications(
            new AggregateFacts(storage, 100), new StreamFiguresCounter(storage, 100), orderId -> ready);

    @Test
    void tells_the_merchant_of_its_orders_status_and_each_warehouse_of_a_paid_order_to_pick_there() {
        // given an order placed by our merchant
        stored("Order", order.toString(), 0, placed());
        ready = Optional.of(
                new PickReadiness.ReadyToPick(merchant.value(), Set.of(warehouse.value(), otherWarehouse.value())));

        // when it is paid
        List<FeedEntry> made = notifications.map(event("Order", order.toString(), 1, paid()), 42);

        // then its merchant is told it is PAID, and each warehouse that holds it that it is ready to pick there
        assertThat(made).hasSize(3);
        FeedEntry status = made.getFirst();
        assertThat(status.notification()).isInstanceOfSatisfying(OrderStatusChanged.class, changed -> {
            assertThat(changed.status()).isEqualTo("PAID");
            assertThat(changed.buyerId()).isEqualTo("ann");
        });
        assertThat(status.audience().includes(merchantRecipient())).isTrue();
        assertThat(status.audience().includes(new Recipient(warehouse.value(), false, Set.of())))
                .isFalse();
        assertThat(status.position()).isEqualTo(42);
        assertThat(made.subList(1, 3))
                .extracting(FeedEntry::notification)
                .allSatisfy(n -> assertThat(n).isInstanceOf(OrderReadyToPick.class));
        assertThat(made).extracting(FeedEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void the_same_event_makes_the_same_ids_however_often_it_is_read() {
        stored("Order", order.toString(), 0, placed());
        DomainEventMessage<?> paid = event("Order", order.toString(), 1, paid());

        assertThat(notifications.map(paid, 7))
                .extracting(FeedEntry::id)
                .isEqualTo(
                        notifications.map(paid, 7).stream().map(FeedEntry::id).toList());
    }

    @Test
    void an_order_packed_at_one_warehouse_of_two_tells_nothing_yet() {
        stored("Order", order.toString(), 0, placed());
        var packed = new OrderPacked(order, warehouse, 1, "123456", delivery.value(), List.of("SKU"), false);

        assertThat(notifications.map(event("Order", order.toString(), 1, packed), 9))
                .isEmpty();
    }

    @Test
    void offers_a_delivery_to_the_couriers_of_its_zone_without_its_code() {
        var offered = new DeliveryOffered(delivery, order, merchant, warehouse, "north", 1, "hash-of-the-code");

        List<FeedEntry> made = notifications.map(event("Delivery", delivery.toString(), 0, offered), 11);

        assertThat(made).singleElement().satisfies(entry -> {
            assertThat(entry.notification())
                    .isEqualTo(new Notification.DeliveryOffered(
                            delivery.value(), order.value(), warehouse.value(), "north"));
            assertThat(entry.audience().includes(new Recipient(courier.value(), true, Set.of("north", "east"))))
                    .isTrue();
            assertThat(entry.audience().includes(new Recipient(courier.value(), true, Set.of("south"))))
                    .isFalse();
            assertThat(entry.audience().includes(new Recipient(UUID.randomUUID(), false, Set.of("north"))))
                    .as("only couriers see offers in their zones")
                    .isFalse();
            assertThat(entry.notification().toString()).doesNotContain("hash-of-the-code");
        });
    }

    @Test
    void a_lapsed_claim_tells_its_courier_and_offers_the_delivery_again_in_its_zone() {
        stored(
                "Delivery",
                delivery.toString(),
                0,
                new DeliveryOffered(delivery, order, merchant, warehouse, "north", 1, "h"));

        List<FeedEntry> made = notifications.map(
                event("Delivery", delivery.toString(), 2, new ClaimExpired(delivery, order, courier)), 20);

        assertThat(made).extracting(FeedEntry::type).containsExactly("delivery.claim_expired", "delivery.offered");
        assertThat(made.getFirst().notification()).isInstanceOf(DeliveryClaimExpired.class);
        assertThat(made.getFirst().audience().participants()).containsExactly(courier.value());
        assertThat(made.get(1).audience().zones()).containsExactly("north");
    }

    @Test
    void tells_the_factory_the_forecast_it_was_published_hours_then_days() {
        // given a forecast published for the merchant's SKU to its factory (not an aggregate's event)
        ParticipantId factory = ParticipantId.random();
        Instant hour = Instant.parse("2026-11-27T19:00:00Z");
        Period next = new Period(hour, hour.plusSeconds(3600), 2.5, 1, 4);
        Period day = new Period(hour.minusSeconds(19 * 3600), hour.plusSeconds(5 * 3600), 30, 24, 37);
        var published = new DemandForecastPublished(merchant, "SKU", factory, hour, List.of(next), List.of(day));

        // when it is read
        List<FeedEntry> made = notifications.map(GenericEventMessage.asEventMessage(published), 7);

        // then the factory alone is told it, in the shape of the factories' forecasts
        assertThat(made).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("forecast.updated");
            assertThat(entry.audience().participants()).containsExactly(factory.value());
            assertThat(entry.audience().includes(merchantRecipient())).isFalse();
            assertThat(entry.notification())
                    .isEqualTo(new Notification.ForecastUpdated(merchant.value(), "SKU", hour, List.of(next, day)));
        });
    }

    private Recipient merchantRecipient() {
        return new Recipient(merchant.value(), false, Set.of());
    }

    private OrderPlaced placed() {
        Instant at = Instant.parse("2026-11-27T19:00:00Z");
        return new OrderPlaced(
                order,
                merchant,
                LiveStreamId.random(),
                "ann",
                List.of(new OrderLine("SKU", 1, new BigDecimal("12.50"), StockState.RESERVED, warehouse)),
                new ShippingAddress("north", "2 Elm St", "Springfield", "Ann"),
                new BigDecimal("12.50"),
                at,
                at.plusSeconds(1800));
    }

    private OrderPaid paid() {
        return new OrderPaid(order, new BigDecimal("12.50"), "psp-1");
    }

    private void stored(String type, String aggregateId, long sequence, Object payload) {
        storage.appendEvents(List.of(event(type, aggregateId, sequence, payload)));
    }

    private static DomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload);
    }
}
