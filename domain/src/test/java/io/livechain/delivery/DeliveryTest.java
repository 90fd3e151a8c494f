package io.livechain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.delivery.command.ClaimDelivery;
import io.livechain.delivery.command.ConfirmReturn;
import io.livechain.delivery.command.DeliverParcel;
import io.livechain.delivery.command.OfferDelivery;
import io.livechain.delivery.command.PickUpDelivery;
import io.livechain.delivery.command.ReportFailedAttempt;
import io.livechain.delivery.event.ClaimExpired;
import io.livechain.delivery.event.DeliveryAttemptFailed;
import io.livechain.delivery.event.DeliveryClaimed;
import io.livechain.delivery.event.DeliveryCompleted;
import io.livechain.delivery.event.DeliveryGivenUp;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.delivery.event.DeliveryPickedUp;
import io.livechain.delivery.event.ReturnConfirmed;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final int PARCELS = 2;
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration RECLAIM_COOLDOWN = Duration.ofMinutes(10);
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final String CODE = "047110";

    private final OrderId orderId = OrderId.random();
    private final DeliveryId deliveryId = DeliveryId.of(orderId);
    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId warehouse = ParticipantId.random();
    private final ParticipantId courier = ParticipantId.random();
    private final ParticipantId otherCourier = ParticipantId.random();
    private FixtureConfiguration<Delivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delivery.class);
    }

    private String codeHash() {
        return DeliveryCode.hash(deliveryId, CODE);
    }

    private OfferDelivery offer() {
        return new OfferDelivery(deliveryId, orderId, merchant, warehouse, NORTH, PARCELS, codeHash());
    }

    private DeliveryOffered offered() {
        return new DeliveryOffered(deliveryId, orderId, merchant, warehouse, NORTH, PARCELS, codeHash());
    }

    /** Offered again after a failed attempt: no merchant, no parcel count, no code (the first offer's stands). */
    private DeliveryOffered reoffered() {
        return new DeliveryOffered(deliveryId, orderId, null, warehouse, NORTH, 0, null);
    }

    private ClaimDelivery claim(ParticipantId by) {
        return claim(by, NOW);
    }

    private ClaimDelivery claim(ParticipantId by, Instant at) {
        return new ClaimDelivery(deliveryId, by, List.of(SOUTH, NORTH), CLAIM_TIMEOUT, RECLAIM_COOLDOWN, at);
    }

    private DeliveryClaimed claimed(ParticipantId by) {
        return new DeliveryClaimed(deliveryId, orderId, by);
    }

    private PickUpDelivery pickUp(ParticipantId by) {
        return new PickUpDelivery(deliveryId, by);
    }

    private DeliveryPickedUp pickedUp() {
        return new DeliveryPickedUp(deliveryId, orderId, courier);
    }

    private ReportFailedAttempt failAttempt() {
        return new ReportFailedAttempt(deliveryId, courier, "nobody home");
    }

    private DeliveryAttemptFailed attemptFailed(int attempt) {
        return new DeliveryAttemptFailed(deliveryId, orderId, courier, "nobody home", attempt);
    }

    private DeliveryGivenUp givenUp() {
        return new DeliveryGivenUp(deliveryId, orderId, warehouse, Delivery.MAX_ATTEMPTS);
    }

    /** The events of a delivery whose courier failed every attempt: it goes back to the warehouse. */
    private Object[] returning() {
        return new Object[] {
            offered(),
            claimed(courier),
            pickedUp(),
            attemptFailed(1),
            reoffered(),
            claimed(courier),
            pickedUp(),
            attemptFailed(2),
            reoffered(),
            claimed(courier),
            pickedUp(),
            attemptFailed(3),
            givenUp()
        };
    }

    // offering

    @Test
    void offers_a_delivery_to_the_couriers_of_the_buyers_zone() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(offer())
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(offered());
    }

    @Test
    void rejects_an_offer_without_a_zone() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new OfferDelivery(deliveryId, orderId, merchant, warehouse, " ", PARCELS, codeHash()))
                // then
                .expectException(InvalidDelivery.class)
                .expectNoEvents();
    }

    // claiming

    @Test
    void a_courier_of_the_zone_claims_an_offered_delivery() {
        // given
        fixture.given(offered())
                // when
                .when(claim(courier))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(claimed(courier));
    }

    @Test
    void claiming_schedules_the_claim_timeout() {
        // given
        fixture.given(offered())
                // when
                .when(claim(courier))
                // then
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadlineWithName(CLAIM_TIMEOUT, Delivery.CLAIM_TIMEOUT);
    }

    @Test
    void a_courier_serves_a_zone_however_it_is_written() {
        // given
        fixture.given(offered())
                // when
                .when(new ClaimDelivery(
                        deliveryId, courier, List.of(" " + NORTH.toUpperCase()), CLAIM_TIMEOUT, RECLAIM_COOLDOWN, NOW))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(claimed(courier));
    }

    @Test
    void rejects_a_claim_by_a_courier_outside_the_zone() {
        // given
        fixture.given(offered())
                // when
                .when(new ClaimDelivery(deliveryId, courier, List.of(SOUTH), CLAIM_TIMEOUT, RECLAIM_COOLDOWN, NOW))
                // then
                .expectException(DeliveryNotFound.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejects_a_claim_by_a_second_courier() {
        // given
        fixture.given(offered(), claimed(courier))
                // when
                .when(claim(otherCourier))
                // then
                .expectException(DeliveryAlreadyClaimed.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_claim_of_a_picked_up_delivery() {
        // given
        fixture.given(offered(), claimed(courier), pickedUp())
                // when
                .when(claim(otherCourier))
                // then
                .expectException(DeliveryAlreadyClaimed.class)
                .expectNoEvents();
    }

    @Test
    void the_same_courier_claiming_twice_changes_nothing() {
        // given
        fixture.given(offered(), claimed(courier))
                // when
                .when(claim(courier))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void rejects_a_claim_of_a_delivered_delivery() {
        // given
        fixture.given(
                        offered(),
                        claimed(courier),
                        pickedUp(),
                        new DeliveryCompleted(deliveryId, orderId, courier, "Alice", "4711"))
                // when
                .when(claim(otherCourier))
                // then
                .expectException(DeliveryTransitionNotAllowed.class)
                .expectNoEvents();
    }

    // the claim timeout

    @Test
    void a_claim_not_picked_up_in_time_expires() {
        // given the delivery was claimed, which scheduled the timeout
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(offer(), claim(courier))
                // when
                .whenTimeElapses(CLAIM_TIMEOUT)
                // then
                .expectTriggeredDeadlinesWithName(Delivery.CLAIM_TIMEOUT)
                .expectEvents(new ClaimExpired(deliveryId, orderId, courier));
    }

    @Test
    void a_claim_does_not_expire_before_its_timeout() {
        // given the delivery was claimed, which scheduled the timeout
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(offer(), claim(courier))
                // when
                .whenTimeElapses(CLAIM_TIMEOUT.minusSeconds(1))
                // then
                .expectTriggeredDeadlines()
                .expectNoEvents();
    }

    @Test
    void an_expired_claim_lets_another_courier_claim_the_delivery() {
        // given
        fixture.given(offered(), claimed(courier), new ClaimExpired(deliveryId, orderId, courier))
                // when
                .when(claim(otherCourier))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(claimed(otherCourier))
                .expectScheduledDeadlineWithName(CLAIM_TIMEOUT, Delivery.CLAIM_TIMEOUT);
    }

    @Test
    void the_courier_whose_claim_lapsed_cannot_claim_the_delivery_again_at_once() {
        // given the courier's claim lapsed at NOW
        fixture.givenCurrentTime(NOW)
                .andGiven(offered(), claimed(courier), new ClaimExpired(deliveryId, orderId, courier))
                // when it claims again before the cooldown is over
                .when(claim(courier, NOW.plus(RECLAIM_COOLDOWN).minusSeconds(1)))
                // then other couriers have it first
                .expectException(ReclaimTooSoon.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void the_courier_whose_claim_lapsed_may_claim_again_after_the_cooldown() {
        // given the courier's claim lapsed at NOW
        fixture.givenCurrentTime(NOW)
                .andGiven(offered(), claimed(courier), new ClaimExpired(deliveryId, orderId, courier))
                // when it claims again once the cooldown is over
                .when(claim(courier, NOW.plus(RECLAIM_COOLDOWN)))
                // then
                .expectEvents(claimed(courier));
    }

    @Test
    void a_claim_that_lapsed_by_its_timeout_keeps_its_courier_waiting() {
        // given the courier claimed and did not pick up in time
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(offer(), claim(courier))
                // when the claim lapses
                .whenTimeElapses(CLAIM_TIMEOUT)
                // then the courier has to wait before claiming it again, while another courier may claim at once
                .expectEvents(new ClaimExpired(deliveryId, orderId, courier))
                .expectState(delivery -> {
                    Instant rightAfter = NOW.plus(CLAIM_TIMEOUT).plusSeconds(1);
                    assertThatThrownBy(() -> delivery.checkClaim(claim(courier, rightAfter)))
                            .isInstanceOf(ReclaimTooSoon.class);
                    assertThat(delivery.checkClaim(claim(otherCourier, rightAfter)))
                            .isTrue();
                });
    }

    @Test
    void the_claim_timeout_after_pickup_changes_nothing() {
        // given the delivery was claimed and picked up (pickup leaves the timeout scheduled: cancelling it would
        // read every pending deadline)
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(offer(), claim(courier), pickUp(courier))
                // when
                .whenTimeElapses(CLAIM_TIMEOUT.multipliedBy(2))
                // then
                .expectTriggeredDeadlinesWithName(Delivery.CLAIM_TIMEOUT)
                .expectNoEvents();
    }

    @Test
    void the_timeout_of_an_earlier_claim_does_not_expire_a_later_one() {
        // given the courier claimed, picked up, failed, and claimed the re-offered delivery again, with a longer
        // timeout
        ClaimDelivery claimAgain = new ClaimDelivery(
                deliveryId,
                courier,
                claim(courier).courierZones(),
                CLAIM_TIMEOUT.multipliedBy(2),
                RECLAIM_COOLDOWN,
                NOW);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(offer(), claim(courier), pickUp(courier), failAttempt(), claimAgain)
                // when the first claim's timeout comes
                .whenTimeElapses(CLAIM_TIMEOUT.plusSeconds(1))
                // then the second claim still stands
                .expectTriggeredDeadlinesWithName(Delivery.CLAIM_TIMEOUT)
                .expectNoEvents();
    }

    @Test
    void a_claim_timeout_that_fires_on_a_picked_up_delivery_changes_nothing() {
        // given the timeout is still scheduled although the delivery was picked up
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(offer(), claim(courier))
                .andGiven(pickedUp())
                // when
                .whenTimeElapses(CLAIM_TIMEOUT)
                // then
                .expectTriggeredDeadlinesWithName(Delivery.CLAIM_TIMEOUT)
                .expectNoEvents();
    }

    // picking up

    @Test
    void the_claiming_courier_picks_up_the_delivery() {
        // given
        fixture.given(offered(), claimed(courier))
                // when
                .when(pickUp(courier))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(pickedUp());
    }

    @Test
    void rejects_a_pickup_by_another_courier() {
        // given
        fixture.given(offered(), claimed(courier))
                // when
                .when(pickUp(otherCourier))
                // then
                .expectException(DeliveryNotFound.class)
                .expectNoEvents();
    }

    @Test
    void picking_up_twice_changes_nothing() {
        // given
        fixture.given(offered(), claimed(courier), pickedUp())
                // when
                .when(pickUp(courier))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // delivering

    @Test
    void delivers_with_proof_of_delivery() {
        // given
        fixture.given(offered(), claimed(courier), pickedUp())
                // when
                .when(new DeliverParcel(deliveryId, courier, "  Alice Smith ", " " + CODE + " "))
                // then the name and code are stripped
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliveryCompleted(deliveryId, orderId, courier, "Alice Smith", CODE));
    }

    @Test
    void a_delivery_without_the_recipients_name_cannot_be_asked_for() {
        // when, then: the command refuses to exist, naming the field
        assertThatThrownBy(() -> new DeliverParcel(deliveryId, courier, " ", CODE))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("proof.recipientName"));
    }

    @Test
    void a_delivery_without_the_code_cannot_be_asked_for() {
        // when, then
        assertThatThrownBy(() -> new DeliverParcel(deliveryId, courier, "Alice Smith", null))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("proof.code"));
    }

    @Test
    void rejects_delivering_before_pickup() {
        // given
        fixture.given(offered(), claimed(courier))
                // when
                .when(new DeliverParcel(deliveryId, courier, "Alice Smith", CODE))
                // then
                .expectException(DeliveryTransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void delivering_twice_changes_nothing() {
        // given
        fixture.given(
                        offered(),
                        claimed(courier),
                        pickedUp(),
                        new DeliveryCompleted(deliveryId, orderId, courier, "Alice Smith", CODE))
                // when
                .when(new DeliverParcel(deliveryId, courier, "Alice Smith", CODE))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejects_a_delivery_with_a_code_that_is_not_the_buyers_and_changes_nothing() {
        // given a picked-up delivery whose buyer was given CODE
        fixture.given(offered(), claimed(courier), pickedUp())
                // when the courier gives another code
                .when(new DeliverParcel(deliveryId, courier, "Alice Smith", "000000"))
                // then it is refused, naming the field, and the courier may still try or report a failed attempt
                .expectException(DeliveryCodeMismatch.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("proof.code"))
                .expectNoEvents();
    }

    @Test
    void the_buyers_code_still_counts_after_the_delivery_was_offered_again() {
        // given a failed attempt re-offered the delivery, and the courier claimed and picked it up again
        fixture.given(
                        offered(),
                        claimed(courier),
                        pickedUp(),
                        attemptFailed(1),
                        reoffered(),
                        claimed(courier),
                        pickedUp())
                // when the courier gives a code that is not the buyer's
                .when(new DeliverParcel(deliveryId, courier, "Alice Smith", "123456"))
                // then it is still refused
                .expectException(DeliveryCodeMismatch.class)
                .expectNoEvents();
    }

    @Test
    void a_delivery_offered_before_codes_existed_takes_any_code() {
        // given a delivery whose offer holds no code hash
        fixture.given(
                        new DeliveryOffered(deliveryId, orderId, merchant, warehouse, NORTH, PARCELS, null),
                        claimed(courier),
                        pickedUp())
                // when
                .when(new DeliverParcel(deliveryId, courier, "Alice Smith", "4711"))
                // then
                .expectEvents(new DeliveryCompleted(deliveryId, orderId, courier, "Alice Smith", "4711"));
    }

    @Test
    void rejects_an_offer_without_the_hash_of_the_buyers_code() {
        fixture.givenNoPriorActivity()
                .when(new OfferDelivery(deliveryId, orderId, merchant, warehouse, NORTH, PARCELS, null))
                .expectException(InvalidDelivery.class)
                .expectNoEvents();
    }

    // failed attempts

    @Test
    void a_first_failed_attempt_offers_the_delivery_again() {
        // given
        fixture.given(offered(), claimed(courier), pickedUp())
                // when
                .when(failAttempt())
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(attemptFailed(1), reoffered());
    }

    @Test
    void a_second_failed_attempt_offers_the_delivery_again() {
        // given
        fixture.given(
                        offered(),
                        claimed(courier),
                        pickedUp(),
                        attemptFailed(1),
                        reoffered(),
                        claimed(courier),
                        pickedUp())
                // when
                .when(failAttempt())
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(attemptFailed(2), reoffered());
    }

    @Test
    void the_third_failed_attempt_gives_the_delivery_up() {
        // given
        fixture.given(
                        offered(),
                        claimed(courier),
                        pickedUp(),
                        attemptFailed(1),
                        reoffered(),
                        claimed(courier),
                        pickedUp(),
                        attemptFailed(2),
                        reoffered(),
                        claimed(courier),
                        pickedUp())
                // when
                .when(failAttempt())
                // then it goes back to the warehouse instead of being offered again
                .expectSuccessfulHandlerExecution()
                .expectEvents(attemptFailed(3), givenUp());
    }

    @Test
    void a_failed_attempt_without_a_reason_cannot_be_reported() {
        // when, then
        assertThatThrownBy(() -> new ReportFailedAttempt(deliveryId, courier, "  "))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("reason"));
    }

    @Test
    void rejects_a_failed_attempt_before_pickup() {
        // given
        fixture.given(offered(), claimed(courier))
                // when
                .when(failAttempt())
                // then
                .expectException(DeliveryTransitionNotAllowed.class)
                .expectNoEvents();
    }

    // returns

    @Test
    void the_warehouse_confirms_the_return_of_a_given_up_delivery() {
        // given
        fixture.given(returning())
                // when
                .when(new ConfirmReturn(deliveryId, warehouse))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReturnConfirmed(deliveryId, orderId, warehouse));
    }

    @Test
    void rejects_a_return_confirmed_by_another_warehouse() {
        // given
        fixture.given(returning())
                // when
                .when(new ConfirmReturn(deliveryId, ParticipantId.random()))
                // then
                .expectException(DeliveryNotFound.class)
                .expectNoEvents();
    }

    @Test
    void rejects_confirming_the_return_of_a_delivery_that_was_not_given_up() {
        // given
        fixture.given(offered(), claimed(courier), pickedUp())
                // when
                .when(new ConfirmReturn(deliveryId, warehouse))
                // then
                .expectException(DeliveryTransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void confirming_a_return_twice_changes_nothing() {
        // given
        fixture.given(returning())
                .andGiven(new ReturnConfirmed(deliveryId, orderId, warehouse))
                // when
                .when(new ConfirmReturn(deliveryId, warehouse))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
