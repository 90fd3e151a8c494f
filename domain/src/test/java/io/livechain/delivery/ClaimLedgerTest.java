package io.livechain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.delivery.command.ReleaseClaim;
import io.livechain.delivery.command.TakeClaim;
import io.livechain.delivery.event.ClaimReleased;
import io.livechain.delivery.event.ClaimTaken;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimLedgerTest {

    private static final int LIMIT = 3;

    private final ParticipantId courier = ParticipantId.random();
    private final ClaimLedgerId ledger = ClaimLedgerId.of(courier);
    private FixtureConfiguration<ClaimLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClaimLedger.class);
    }

    private static DeliveryId delivery() {
        return DeliveryId.of(OrderId.random());
    }

    private ClaimTaken taken(DeliveryId delivery) {
        return new ClaimTaken(ledger, courier, delivery);
    }

    private Object[] heldAtTheLimit(DeliveryId... deliveries) {
        return IntStream.range(0, LIMIT).mapToObj(i -> taken(deliveries[i])).toArray();
    }

    @Test
    void a_couriers_first_claim_opens_its_ledger() {
        // given no claim before
        DeliveryId delivery = delivery();
        fixture.givenNoPriorActivity()
                // when
                .when(new TakeClaim(ledger, courier, delivery, LIMIT))
                // then
                .expectEvents(taken(delivery));
    }

    @Test
    void refuses_a_claim_beyond_the_limit_and_changes_nothing() {
        // given the courier holds as many open claims as it may
        fixture.given(heldAtTheLimit(delivery(), delivery(), delivery()))
                // when it claims one more
                .when(new TakeClaim(ledger, courier, delivery(), LIMIT))
                // then
                .expectException(ClaimLimitReached.class)
                .expectNoEvents();
    }

    @Test
    void a_released_claim_makes_room_for_another() {
        // given the courier held the limit and one claim was released
        DeliveryId delivered = delivery();
        DeliveryId next = delivery();
        fixture.given(heldAtTheLimit(delivered, delivery(), delivery()))
                .andGiven(new ClaimReleased(ledger, courier, delivered))
                // when
                .when(new TakeClaim(ledger, courier, next, LIMIT))
                // then
                .expectEvents(taken(next));
    }

    @Test
    void a_claim_counted_already_is_not_counted_twice_even_at_the_limit() {
        // given the courier holds the limit
        DeliveryId held = delivery();
        fixture.given(heldAtTheLimit(held, delivery(), delivery()))
                // when one of them is claimed again
                .when(new TakeClaim(ledger, courier, held, LIMIT))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releases_a_held_claim() {
        DeliveryId held = delivery();
        fixture.given(taken(held))
                .when(new ReleaseClaim(ledger, held))
                .expectEvents(new ClaimReleased(ledger, courier, held))
                .expectState(state -> assertThat(state.held()).isEmpty());
    }

    @Test
    void releasing_a_claim_that_is_not_held_changes_nothing() {
        fixture.given(taken(delivery()))
                .when(new ReleaseClaim(ledger, delivery()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
