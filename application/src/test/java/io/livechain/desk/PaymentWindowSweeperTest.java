package io.livechain.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.order.OrderId;
import io.livechain.order.ShippingAddress;
import io.livechain.order.desk.OrderPlacement;
import io.livechain.order.desk.PaymentWindowSweeper;
import io.livechain.order.event.OrderExpired;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Units come back when a payment window closes, also when the desk is saturated at that moment: the sweep waits for
 * room instead of giving up, and the window stays until the commit that expires the order.
 */
class PaymentWindowSweeperTest {

    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final String SKU = "HOT";

    private final ParticipantId merchant = ParticipantId.random();
    private final LiveStreamId stream = LiveStreamId.random();
    private InMemoryDesk platform;
    private PaymentWindowSweeper sweeper;

    @BeforeEach
    void oneUnitOnAir() {
        platform = new InMemoryDesk(NOW, 2, Duration.ofSeconds(5));
        platform.givenOfferOnAir(merchant, stream, new OfferTerms(SKU, new BigDecimal("9.90"), 1, 1, false), 1);
        platform.desk.start();
        sweeper = new PaymentWindowSweeper(platform.windows, platform.desk, platform.clock, Duration.ofSeconds(1), 500);
    }

    @AfterEach
    void close() throws InterruptedException {
        platform.close();
    }

    @Test
    void an_unpaid_order_expires_when_its_window_closes_and_its_unit_goes_back() throws InterruptedException {
        // given the only unit is ordered and not paid
        OrderId order = place("slow-payer");
        assertThat(status(placeOutcome("next-buyer"))).isEqualTo(409);
        // when the window closes
        platform.clock.advance(Duration.ofMinutes(30));
        sweeper.sweep();
        // then the order expired, its window is gone and the next buyer gets the unit
        assertThat(platform.payloads())
                .anyMatch(payload -> payload instanceof OrderExpired expired
                        && expired.orderId().equals(order));
        assertThat(platform.windows.stored).isEmpty();
        assertThat(status(placeOutcome("next-buyer"))).isEqualTo(201);
    }

    @Test
    void a_window_that_is_not_due_stays() throws InterruptedException {
        // given
        OrderId order = place("slow-payer");
        // when the sweep comes a minute early
        platform.clock.advance(Duration.ofMinutes(29));
        sweeper.sweep();
        // then
        assertThat(platform.windows.stored).containsOnlyKeys(order);
        assertThat(platform.payloads()).noneMatch(OrderExpired.class::isInstance);
    }

    @Test
    void no_release_is_lost_while_the_desk_is_saturated() throws Exception {
        // given an unpaid order whose window has closed
        OrderId order = place("slow-payer");
        platform.clock.advance(Duration.ofMinutes(30));
        // and a desk held up in a batch, with its queue full behind it
        CountDownLatch holdUp = new CountDownLatch(1);
        CountDownLatch heldUp = new CountDownLatch(1);
        var blocking = platform.desk.submitAndKeep(request(state -> {
            heldUp.countDown();
            awaitUninterruptibly(holdUp);
            return Decision.unchanged("done");
        }));
        heldUp.await();
        var queued = List.of(
                platform.desk.submitAndKeep(request(state -> Decision.unchanged("a"))),
                platform.desk.submitAndKeep(request(state -> Decision.unchanged("b"))));
        // when the sweep runs meanwhile
        CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(() -> {
            try {
                return sweeper.sweep();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        holdUp.countDown();
        // then it waited for room rather than dropping the expiry: the order expired and its unit is back
        assertThat(sweep.get()).isEqualTo(1);
        assertThat(blocking.get()).isInstanceOf(DeskOutcome.Answered.class);
        assertThat(queued).allSatisfy(future -> assertThat(future.get()).isInstanceOf(DeskOutcome.Answered.class));
        assertThat(platform.payloads())
                .anyMatch(payload -> payload instanceof OrderExpired expired
                        && expired.orderId().equals(order));
        assertThat(platform.windows.stored).isEmpty();
        assertThat(status(placeOutcome("next-buyer"))).isEqualTo(201);
    }

    private OrderId place(String buyer) {
        DeskOutcome outcome = placeOutcome(buyer);
        assertThat(status(outcome)).isEqualTo(201);
        return platform.windows.stored.keySet().stream()
                .filter(id -> platform.windows.stored.get(id).liveStreamId().equals(stream))
                .findFirst()
                .orElseThrow();
    }

    private DeskOutcome placeOutcome(String buyer) {
        OrderPlacement placement = new OrderPlacement(
                OrderId.random(),
                merchant,
                stream,
                buyer,
                List.of(new RequestedLine(SKU, 1)),
                new ShippingAddress("north", "1 Main St", "Springfield", buyer));
        return platform.desk.decide(
                new DeskRequest<>(placement, Map.of(), null, null, placement, new InMemoryDesk.Answers<>()));
    }

    private static DeskRequest<String> request(UseCase<String> useCase) {
        return new DeskRequest<>("work", Map.of(), null, null, useCase, new InMemoryDesk.Answers<>());
    }

    private static int status(DeskOutcome outcome) {
        return outcome instanceof DeskOutcome.Answered answered
                ? answered.response().status()
                : -1;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
