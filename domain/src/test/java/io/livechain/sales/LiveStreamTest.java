package io.livechain.sales;

import io.livechain.order.InvalidOrder;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.command.AdmitOrder;
import io.livechain.sales.command.EndLiveStream;
import io.livechain.sales.command.EndLiveStreamOnTime;
import io.livechain.sales.command.ReturnOrderUnits;
import io.livechain.sales.command.ScheduleLiveStream;
import io.livechain.sales.command.StartLiveStream;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import io.livechain.shared.LiveStreamId;
import io.livechain.shared.UnknownSku;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveStreamTest {

    private static final String DRESS = "DRESS-RED-M";
    private static final String HAT = "HAT-STRAW";
    private static final String TITLE = "Summer collection drop";
    private static final int PAYMENT_WINDOW_MINUTES = 30;
    private static final Instant STARTS_AT = Instant.parse("2025-06-01T18:00:00Z");
    private static final Instant ENDS_AT = STARTS_AT.plus(Duration.ofHours(2));
    /** While the stream is on air. */
    private static final Instant ON_AIR = STARTS_AT.plus(Duration.ofMinutes(30));

    /** 3 dresses, at most 2 per buyer. */
    private static final OfferTerms DRESS_OFFER = new OfferTerms(DRESS, new BigDecimal("19.90"), 3, 2, false);
    /** 10 hats, at most 5 per buyer, pre-sale allowed. */
    private static final OfferTerms HAT_OFFER = new OfferTerms(HAT, new BigDecimal("9.50"), 10, 5, true);

    private final ParticipantId merchant = ParticipantId.random();
    private final LiveStreamId liveStreamId = LiveStreamId.random();
    private FixtureConfiguration<LiveStream> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LiveStream.class);
    }

    private ScheduleLiveStream schedule(List<OfferTerms> offers) {
        return new ScheduleLiveStream(
                liveStreamId, merchant, TITLE, STARTS_AT, ENDS_AT, PAYMENT_WINDOW_MINUTES, offers);
    }

    private ScheduleLiveStream scheduleOffering(OfferTerms offer) {
        return schedule(List.of(offer));
    }

    private LiveStreamScheduled scheduled() {
        return new LiveStreamScheduled(
                liveStreamId,
                merchant,
                TITLE,
                STARTS_AT,
                ENDS_AT,
                PAYMENT_WINDOW_MINUTES,
                List.of(DRESS_OFFER, HAT_OFFER));
    }

    private LiveStreamStarted started() {
        return new LiveStreamStarted(liveStreamId);
    }

    private LiveStreamEnded ended() {
        return new LiveStreamEnded(liveStreamId);
    }

    private OrderAdmitted admitted(OrderId orderId, String buyerId, RequestedLine... lines) {
        return new OrderAdmitted(liveStreamId, orderId, buyerId, List.of(lines));
    }

    private AdmitOrder admit(OrderId orderId, String buyerId, RequestedLine... lines) {
        return new AdmitOrder(liveStreamId, merchant, orderId, buyerId, List.of(lines), ON_AIR);
    }

    private static RequestedLine dresses(int quantity) {
        return new RequestedLine(DRESS, quantity);
    }

    private static RequestedLine hats(int quantity) {
        return new RequestedLine(HAT, quantity);
    }

    // scheduling

    @Test
    void schedules_a_live_stream_with_its_title_stripped() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new ScheduleLiveStream(
                        liveStreamId,
                        merchant,
                        "  " + TITLE + "  ",
                        STARTS_AT,
                        ENDS_AT,
                        PAYMENT_WINDOW_MINUTES,
                        List.of(DRESS_OFFER, HAT_OFFER)))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled());
    }

    @Test
    void rejects_a_blank_title() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new ScheduleLiveStream(
                        liveStreamId,
                        merchant,
                        "   ",
                        STARTS_AT,
                        ENDS_AT,
                        PAYMENT_WINDOW_MINUTES,
                        List.of(DRESS_OFFER)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_title_that_is_too_long() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new ScheduleLiveStream(
                        liveStreamId,
                        merchant,
                        "x".repeat(201),
                        STARTS_AT,
                        ENDS_AT,
                        PAYMENT_WINDOW_MINUTES,
                        List.of(DRESS_OFFER)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_live_stream_that_ends_when_it_starts() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new ScheduleLiveStream(
                        liveStreamId,
                        merchant,
                        TITLE,
                        STARTS_AT,
                        STARTS_AT,
                        PAYMENT_WINDOW_MINUTES,
                        List.of(DRESS_OFFER)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_live_stream_that_ends_before_it_starts() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new ScheduleLiveStream(
                        liveStreamId,
                        merchant,
                        TITLE,
                        ENDS_AT,
                        STARTS_AT,
                        PAYMENT_WINDOW_MINUTES,
                        List.of(DRESS_OFFER)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_payment_window_of_zero_minutes() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new ScheduleLiveStream(
                        liveStreamId, merchant, TITLE, STARTS_AT, ENDS_AT, 0, List.of(DRESS_OFFER)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_live_stream_without_offers() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(schedule(List.of()))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_the_same_sku_offered_twice() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(schedule(List.of(DRESS_OFFER, new OfferTerms(DRESS, new BigDecimal("24.90"), 5, 1, false))))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_offer_with_an_invalid_sku() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(scheduleOffering(new OfferTerms("red dress", new BigDecimal("19.90"), 3, 2, false)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_offer_priced_at_zero() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(scheduleOffering(new OfferTerms(DRESS, new BigDecimal("0.00"), 3, 2, false)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_offer_with_a_negative_price() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(scheduleOffering(new OfferTerms(DRESS, new BigDecimal("-19.90"), 3, 2, false)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_offer_priced_above_a_million() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(scheduleOffering(new OfferTerms(DRESS, new BigDecimal("1000000.01"), 3, 2, false)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_times_that_could_not_be_stored() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new ScheduleLiveStream(
                        liveStreamId,
                        merchant,
                        TITLE,
                        STARTS_AT,
                        java.time.Instant.parse("+300000-01-01T00:00:00Z"),
                        PAYMENT_WINDOW_MINUTES,
                        List.of(DRESS_OFFER)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_offer_price_with_three_decimals() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(scheduleOffering(new OfferTerms(DRESS, new BigDecimal("19.905"), 3, 2, false)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_offer_without_units() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(scheduleOffering(new OfferTerms(DRESS, new BigDecimal("19.90"), 0, 1, false)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_per_buyer_limit_above_the_offer_quantity() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(scheduleOffering(new OfferTerms(DRESS, new BigDecimal("19.90"), 3, 4, false)))
                // then
                .expectException(InvalidLiveStream.class)
                .expectNoEvents();
    }

    // starting and ending

    @Test
    void starts_a_scheduled_live_stream() {
        // given
        fixture.given(scheduled())
                // when
                .when(new StartLiveStream(liveStreamId, merchant, ON_AIR))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(started());
    }

    @Test
    void starting_a_live_stream_that_is_already_live_changes_nothing() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(new StartLiveStream(liveStreamId, merchant, ON_AIR))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejects_starting_a_live_stream_that_has_ended() {
        // given
        fixture.given(scheduled(), started(), ended())
                // when
                .when(new StartLiveStream(liveStreamId, merchant, ON_AIR))
                // then
                .expectException(LiveStreamTransitionNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void rejects_starting_a_live_stream_after_its_end_and_changes_nothing() {
        // given a stream nobody started
        fixture.given(scheduled())
                // when the merchant starts it once its endsAt has passed
                .when(new StartLiveStream(liveStreamId, merchant, ENDS_AT))
                // then
                .expectException(LiveStreamOver.class)
                .expectNoEvents();
    }

    @Test
    void starts_a_live_stream_late_but_before_its_end() {
        fixture.given(scheduled())
                .when(new StartLiveStream(liveStreamId, merchant, ENDS_AT.minusSeconds(1)))
                .expectEvents(started());
    }

    @Test
    void refuses_orders_once_the_stream_is_over_even_if_nobody_ended_it() {
        // given a stream on air that nobody ended
        fixture.given(scheduled(), started())
                // when an order comes at its endsAt
                .when(new AdmitOrder(liveStreamId, merchant, OrderId.random(), "alice", List.of(dresses(1)), ENDS_AT))
                // then
                .expectException(LiveStreamNotLive.class)
                .expectNoEvents();
    }

    @Test
    void admits_an_order_up_to_the_last_moment_of_the_stream() {
        OrderId orderId = OrderId.random();
        fixture.given(scheduled(), started())
                .when(new AdmitOrder(
                        liveStreamId, merchant, orderId, "alice", List.of(dresses(1)), ENDS_AT.minusMillis(1)))
                .expectEvents(admitted(orderId, "alice", dresses(1)));
    }

    @Test
    void rejects_starting_another_merchants_live_stream() {
        // given
        fixture.given(scheduled())
                // when
                .when(new StartLiveStream(liveStreamId, ParticipantId.random(), ON_AIR))
                // then
                .expectException(LiveStreamNotFound.class)
                .expectNoEvents();
    }

    @Test
    void ends_a_live_stream() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(new EndLiveStream(liveStreamId, merchant))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(ended());
    }

    @Test
    void ends_a_live_stream_that_never_started() {
        // given
        fixture.given(scheduled())
                // when
                .when(new EndLiveStream(liveStreamId, merchant))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(ended());
    }

    @Test
    void the_platform_ends_a_live_stream_whose_time_is_up() {
        // given a stream on air that nobody ended
        fixture.given(scheduled(), started())
                // when its endsAt has come
                .when(new EndLiveStreamOnTime(liveStreamId, ENDS_AT))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(ended());
    }

    @Test
    void the_platform_ends_a_live_stream_that_never_went_on_air_in_its_time() {
        fixture.given(scheduled())
                .when(new EndLiveStreamOnTime(liveStreamId, ENDS_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ended());
    }

    @Test
    void the_platform_leaves_a_live_stream_on_air_before_its_time_is_up_and_an_ended_one_alone() {
        fixture.given(scheduled(), started())
                .when(new EndLiveStreamOnTime(liveStreamId, ENDS_AT.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(scheduled(), started(), ended())
                .when(new EndLiveStreamOnTime(liveStreamId, ENDS_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ending_a_live_stream_that_has_ended_changes_nothing() {
        // given
        fixture.given(scheduled(), started(), ended())
                // when
                .when(new EndLiveStream(liveStreamId, merchant))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejects_ending_another_merchants_live_stream() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(new EndLiveStream(liveStreamId, ParticipantId.random()))
                // then
                .expectException(LiveStreamNotFound.class)
                .expectNoEvents();
    }

    // admitting orders

    @Test
    void admits_an_order_while_live() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(orderId, "alice", dresses(2), hats(1)))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted(orderId, "alice", dresses(2), hats(1)));
    }

    @Test
    void rejects_an_order_while_scheduled() {
        // given
        fixture.given(scheduled())
                // when
                .when(admit(OrderId.random(), "alice", dresses(1)))
                // then
                .expectException(LiveStreamNotLive.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_order_after_the_live_stream_ended() {
        // given
        fixture.given(scheduled(), started(), ended())
                // when
                .when(admit(OrderId.random(), "alice", dresses(1)))
                // then
                .expectException(LiveStreamNotLive.class)
                .expectNoEvents();
    }

    @Test
    void admits_the_last_remaining_units() {
        OrderId orderId = OrderId.random();
        // given 2 of the 3 dresses are taken
        fixture.given(
                        scheduled(),
                        started(),
                        admitted(OrderId.random(), "alice", dresses(1)),
                        admitted(OrderId.random(), "bob", dresses(1)))
                // when
                .when(admit(orderId, "carol", dresses(1)))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted(orderId, "carol", dresses(1)));
    }

    @Test
    void rejects_more_units_than_remain() {
        // given 2 of the 3 dresses are taken
        fixture.given(
                        scheduled(),
                        started(),
                        admitted(OrderId.random(), "alice", dresses(1)),
                        admitted(OrderId.random(), "bob", dresses(1)))
                // when
                .when(admit(OrderId.random(), "carol", dresses(2)))
                // then
                .expectException(SoldOut.class)
                .expectNoEvents();
    }

    @Test
    void rejects_the_whole_order_when_one_line_is_sold_out() {
        // given all 3 dresses are taken
        fixture.given(
                        scheduled(),
                        started(),
                        admitted(OrderId.random(), "alice", dresses(2)),
                        admitted(OrderId.random(), "bob", dresses(1)))
                // when the hats are still there
                .when(admit(OrderId.random(), "carol", hats(1), dresses(1)))
                // then
                .expectException(SoldOut.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_buyer_exceeding_the_per_buyer_limit_in_one_order() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(OrderId.random(), "alice", dresses(3)))
                // then
                .expectException(PurchaseLimitExceeded.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_buyer_exceeding_the_per_buyer_limit_across_orders() {
        // given alice already holds the 2 dresses she may buy
        fixture.given(scheduled(), started(), admitted(OrderId.random(), "alice", dresses(2)))
                // when
                .when(admit(OrderId.random(), "alice", dresses(1)))
                // then
                .expectException(PurchaseLimitExceeded.class)
                .expectNoEvents();
    }

    @Test
    void counts_the_per_buyer_limit_for_each_buyer_separately() {
        OrderId orderId = OrderId.random();
        // given alice holds the 2 dresses she may buy
        fixture.given(scheduled(), started(), admitted(OrderId.random(), "alice", dresses(2)))
                // when
                .when(admit(orderId, "bob", dresses(1)))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted(orderId, "bob", dresses(1)));
    }

    @Test
    void lets_a_buyer_order_again_once_the_units_of_an_earlier_order_went_back() {
        OrderId earlier = OrderId.random();
        OrderId again = OrderId.random();
        // given alice's earlier order of 2 dresses expired and bob holds the third dress
        fixture.given(
                        scheduled(),
                        started(),
                        admitted(earlier, "alice", dresses(2)),
                        admitted(OrderId.random(), "bob", dresses(1)),
                        new OrderUnitsReturned(liveStreamId, earlier, "alice", List.of(dresses(2)), "expired"))
                // when
                .when(admit(again, "alice", dresses(2)))
                // then only the units she still holds count, and the 2 returned dresses are available again
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted(again, "alice", dresses(2)));
    }

    @Test
    void makes_returned_units_available_to_other_buyers() {
        OrderId cancelled = OrderId.random();
        OrderId orderId = OrderId.random();
        // given all 3 dresses were taken, then alice's order was cancelled
        fixture.given(
                        scheduled(),
                        started(),
                        admitted(cancelled, "alice", dresses(2)),
                        admitted(OrderId.random(), "bob", dresses(1)),
                        new OrderUnitsReturned(liveStreamId, cancelled, "alice", List.of(dresses(2)), "cancelled"))
                // when
                .when(admit(orderId, "carol", dresses(2)))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted(orderId, "carol", dresses(2)));
    }

    @Test
    void rejects_a_sku_that_is_not_offered() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(OrderId.random(), "alice", new RequestedLine("SCARF-BLUE", 1)))
                // then
                .expectException(UnknownSku.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_order_for_another_merchants_live_stream() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(new AdmitOrder(
                        liveStreamId, ParticipantId.random(), OrderId.random(), "alice", List.of(dresses(1)), ON_AIR))
                // then
                .expectException(UnknownLiveStream.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_malformed_buyer_id() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(OrderId.random(), "alice smith; drop table", dresses(1)))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_missing_buyer_id() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(OrderId.random(), null, dresses(1)))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_line_of_zero_units() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(OrderId.random(), "alice", dresses(0)))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void rejects_an_order_without_lines() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(OrderId.random(), "alice"))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void rejects_the_same_sku_on_two_lines() {
        // given
        fixture.given(scheduled(), started())
                // when
                .when(admit(OrderId.random(), "alice", dresses(1), dresses(1)))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    @Test
    void rejects_admitting_the_same_order_twice() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(scheduled(), started(), admitted(orderId, "alice", hats(1)))
                // when
                .when(admit(orderId, "alice", hats(1)))
                // then
                .expectException(InvalidOrder.class)
                .expectNoEvents();
    }

    // returning units

    @Test
    void returns_the_units_of_an_admitted_order() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(scheduled(), started(), admitted(orderId, "alice", dresses(2), hats(3)))
                // when
                .when(new ReturnOrderUnits(liveStreamId, orderId, "expired"))
                // then the returned units are the order's, for its buyer
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderUnitsReturned(
                        liveStreamId, orderId, "alice", List.of(dresses(2), hats(3)), "expired"));
    }

    @Test
    void returns_the_units_of_an_order_after_the_live_stream_ended() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(scheduled(), started(), admitted(orderId, "alice", dresses(1)), ended())
                // when
                .when(new ReturnOrderUnits(liveStreamId, orderId, "cancelled"))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderUnitsReturned(liveStreamId, orderId, "alice", List.of(dresses(1)), "cancelled"));
    }

    @Test
    void returning_the_units_of_an_unknown_order_changes_nothing() {
        // given
        fixture.given(scheduled(), started(), admitted(OrderId.random(), "alice", dresses(1)))
                // when
                .when(new ReturnOrderUnits(liveStreamId, OrderId.random(), "expired"))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void returning_the_units_of_an_order_twice_changes_nothing() {
        OrderId orderId = OrderId.random();
        // given
        fixture.given(
                        scheduled(),
                        started(),
                        admitted(orderId, "alice", dresses(1)),
                        new OrderUnitsReturned(liveStreamId, orderId, "alice", List.of(dresses(1)), "expired"))
                // when
                .when(new ReturnOrderUnits(liveStreamId, orderId, "expired"))
                // then
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
