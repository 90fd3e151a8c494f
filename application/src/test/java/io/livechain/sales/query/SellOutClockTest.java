package io.livechain.sales.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SellOutClockTest {

    private static final Instant ON_AIR = Instant.parse("2026-11-27T19:00:00Z");

    private final LiveStreamId stream = LiveStreamId.random();
    private final ParticipantId merchant = ParticipantId.random();
    private final SellOutClock clock = new SellOutClock();

    @BeforeEach
    void aStreamOnAirWithTwoOffers() {
        clock.apply(
                new LiveStreamScheduled(
                        stream,
                        merchant,
                        "Friday drop",
                        ON_AIR,
                        ON_AIR.plusSeconds(3_600),
                        30,
                        List.of(
                                new OfferTerms("SERUM", BigDecimal.TEN, 5, 5, true),
                                new OfferTerms("LIP", BigDecimal.ONE, 3, 3, false))),
                ON_AIR.minusSeconds(60));
        clock.apply(new LiveStreamStarted(stream), ON_AIR);
    }

    @Test
    void an_offer_is_sold_out_from_the_admission_that_takes_its_last_unit() {
        // when the lipstick's three units go in two orders, the serum's in none
        admit("LIP", 2, ON_AIR.plusSeconds(1));
        admit("LIP", 1, ON_AIR.plusSeconds(2));
        clock.apply(new LiveStreamEnded(stream), ON_AIR.plusSeconds(3));

        // then the lipstick sold out with the second order, the serum did not; offers come in the order of their SKUs
        SellOuts sellOuts = clock.sellOuts(merchant).orElseThrow();
        assertThat(sellOuts.offers())
                .containsExactly(
                        new SellOuts.Offer("LIP", 3, 3, ON_AIR.plusSeconds(2)),
                        new SellOuts.Offer("SERUM", 5, 0, null));
    }

    @Test
    void units_given_back_reopen_the_offer_until_it_sells_out_again() {
        // given a sold-out lipstick
        OrderId first = admit("LIP", 3, ON_AIR.plusSeconds(1));

        // when its order is cancelled, and another buyer takes the units back
        clock.apply(
                new OrderUnitsReturned(stream, first, "buyer", List.of(new RequestedLine("LIP", 3)), "cancelled"),
                ON_AIR.plusSeconds(5));
        SellOuts reopened = clock.sellOuts(merchant).orElseThrow();
        admit("LIP", 3, ON_AIR.plusSeconds(9));

        // then it was open in between, and sold out from the second admission on
        assertThat(reopened.soldOutAt("LIP")).isEmpty();
        assertThat(clock.sellOuts(merchant).orElseThrow().soldOutAt("LIP")).contains(ON_AIR.plusSeconds(9));
    }

    @Test
    void another_merchant_learns_nothing() {
        // given a sold-out lipstick
        admit("LIP", 3, ON_AIR.plusSeconds(1));

        // then another merchant is answered as if there were no such stream
        assertThat(clock.sellOuts(ParticipantId.random())).isEmpty();
        assertThat(new SellOutClock().sellOuts(merchant)).isEmpty();
    }

    private OrderId admit(String sku, int quantity, Instant at) {
        OrderId order = OrderId.random();
        clock.apply(new OrderAdmitted(stream, order, "buyer-" + order, List.of(new RequestedLine(sku, quantity))), at);
        return order;
    }
}
