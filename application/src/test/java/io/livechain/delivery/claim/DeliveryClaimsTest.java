package io.livechain.delivery.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.delivery.ClaimLedger;
import io.livechain.delivery.ClaimLedgerId;
import io.livechain.delivery.ClaimLimitReached;
import io.livechain.delivery.Delivery;
import io.livechain.delivery.DeliveryAlreadyClaimed;
import io.livechain.delivery.DeliveryCode;
import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.DeliveryNotFound;
import io.livechain.delivery.ReclaimTooSoon;
import io.livechain.delivery.event.ClaimExpired;
import io.livechain.delivery.event.ClaimReleased;
import io.livechain.delivery.event.ClaimTaken;
import io.livechain.delivery.event.DeliveryClaimed;
import io.livechain.delivery.event.DeliveryCompleted;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.delivery.event.DeliveryPickedUp;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Claims decided on the delivery and the courier's ledger together: at most a few open claims per courier. */
class DeliveryClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final ClaimRules RULES = new ClaimRules(Duration.ofMinutes(15), Duration.ofMinutes(10), 2);

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(storage).build();
    private final StubDeadlineManager deadlines = new StubDeadlineManager(NOW);
    private final DeliveryClaims claims = new DeliveryClaims(
            () -> EventSourcingRepository.builder(Delivery.class)
                    .eventStore(eventStore)
                    .build(),
            () -> EventSourcingRepository.builder(ClaimLedger.class)
                    .eventStore(eventStore)
                    .build(),
            RULES);

    private final ParticipantId courier = ParticipantId.random();
    private final ParticipantId otherCourier = ParticipantId.random();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void a_courier_at_the_limit_cannot_claim_another_delivery_and_nothing_changes() {
        // given the courier holds two open claims, the most it may
        DeliveryId first = offered();
        DeliveryId second = offered();
        DeliveryId third = offered();
        claim(first, courier, NOW);
        claim(second, courier, NOW);
        int stored = payloads().size();
        // when it claims a third
        // then it is refused, and neither the delivery nor the ledger changed
        assertThatThrownBy(() -> claim(third, courier, NOW)).isInstanceOf(ClaimLimitReached.class);
        assertThat(payloads()).hasSize(stored);
        // while another courier may claim it
        claim(third, otherCourier, NOW);
        assertThat(payloads()).last().isEqualTo(new DeliveryClaimed(third, orderOf(third), otherCourier));
    }

    @Test
    void a_delivered_claim_makes_room_for_the_next_one() {
        // given the courier held the limit and delivered one of them
        DeliveryId delivered = offered();
        DeliveryId held = offered();
        DeliveryId next = offered();
        claim(delivered, courier, NOW);
        claim(held, courier, NOW);
        append(delivered, new DeliveryPickedUp(delivered, orderOf(delivered), courier));
        append(delivered, new DeliveryCompleted(delivered, orderOf(delivered), courier, "Ann", "000000"));
        // when it claims the next
        claim(next, courier, NOW);
        // then the ledger let go of the delivered one, and counts the new one
        ClaimLedgerId ledger = ClaimLedgerId.of(courier);
        assertThat(payloads())
                .filteredOn(event -> event instanceof ClaimReleased || event instanceof ClaimTaken)
                .containsExactly(
                        new ClaimTaken(ledger, courier, delivered),
                        new ClaimTaken(ledger, courier, held),
                        new ClaimReleased(ledger, courier, delivered),
                        new ClaimTaken(ledger, courier, next));
    }

    @Test
    void a_lapsed_claim_stops_counting_but_its_courier_waits_before_claiming_that_delivery_again() {
        // given the courier's claim on one delivery lapsed
        DeliveryId lapsed = offered();
        DeliveryId other = offered();
        claim(lapsed, courier, NOW);
        append(lapsed, new ClaimExpired(lapsed, orderOf(lapsed), courier));
        // when it claims the same delivery at once, then another one
        // then the first is refused (others have it first), and the lapsed claim no longer counts
        assertThatThrownBy(() -> claim(lapsed, courier, NOW.plusSeconds(1))).isInstanceOf(ReclaimTooSoon.class);
        claim(other, courier, NOW.plusSeconds(1));
        claim(lapsed, otherCourier, NOW.plusSeconds(1));
        assertThat(payloads())
                .filteredOn(ClaimReleased.class::isInstance)
                .containsExactly(new ClaimReleased(ClaimLedgerId.of(courier), courier, lapsed));
    }

    @Test
    void the_same_courier_claiming_again_changes_nothing_even_at_the_limit() {
        DeliveryId first = offered();
        DeliveryId second = offered();
        claim(first, courier, NOW);
        claim(second, courier, NOW);
        int stored = payloads().size();
        claim(second, courier, NOW);
        assertThat(payloads()).hasSize(stored);
    }

    @Test
    void a_claim_another_courier_won_or_outside_the_zone_changes_nothing() {
        DeliveryId taken = offered();
        claim(taken, otherCourier, NOW);
        int stored = payloads().size();
        assertThatThrownBy(() -> claim(taken, courier, NOW)).isInstanceOf(DeliveryAlreadyClaimed.class);
        assertThatThrownBy(() -> claims(new ClaimWithinLimit(offered(), courier, List.of("south"), NOW)))
                .isInstanceOf(DeliveryNotFound.class);
        assertThatThrownBy(() -> claim(DeliveryId.of(OrderId.random()), courier, NOW))
                .isInstanceOf(DeliveryNotFound.class);
        assertThat(payloads()).hasSize(stored + 1); // the offer made for the out-of-zone attempt
    }

    // ------------------------------------------------------------------------------------------------------------

    private final List<DeliveryId> deliveries = new ArrayList<>();
    private final List<OrderId> orders = new ArrayList<>();

    private DeliveryId offered() {
        OrderId orderId = OrderId.random();
        DeliveryId deliveryId = DeliveryId.of(orderId);
        deliveries.add(deliveryId);
        orders.add(orderId);
        append(
                deliveryId,
                new DeliveryOffered(
                        deliveryId,
                        orderId,
                        ParticipantId.random(),
                        ParticipantId.random(),
                        "north",
                        1,
                        DeliveryCode.hash(deliveryId, "123456")));
        return deliveryId;
    }

    private OrderId orderOf(DeliveryId deliveryId) {
        return orders.get(deliveries.indexOf(deliveryId));
    }

    private void claim(DeliveryId deliveryId, ParticipantId by, Instant at) {
        claims(new ClaimWithinLimit(deliveryId, by, List.of("north"), at));
    }

    /** Handles the command in a unit of work of its own, as the command bus does: all of it, or none of it. */
    private void claims(ClaimWithinLimit command) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
        try {
            unitOfWork.execute(() -> claims.handle(command, deadlines));
        } finally {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback();
            }
        }
        if (unitOfWork.getExecutionResult().isExceptionResult()) {
            Throwable failure = unitOfWork.getExecutionResult().getExceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
    }

    private void append(Object aggregateId, Object event) {
        long next = storage.readEvents(aggregateId.toString(), 0).asStream().count();
        String type = event instanceof DeliveryOffered
                        || event instanceof DeliveryClaimed
                        || event instanceof ClaimExpired
                        || event instanceof DeliveryPickedUp
                        || event instanceof DeliveryCompleted
                ? "Delivery"
                : "ClaimLedger";
        // stamped with the test's time: a lapsed claim's wait counts from its event's time
        storage.appendEvents(new GenericDomainEventMessage<>(
                type,
                aggregateId.toString(),
                next,
                event,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                NOW));
    }

    private List<Object> payloads() {
        return storage.readEvents(null, false).map(EventMessage::getPayload).collect(Collectors.toList());
    }
}
