package io.livechain.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.delivery.DeliveryCode;
import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.desk.OrderPacking;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.order.OrderId;
import io.livechain.order.ShippingAddress;
import io.livechain.order.desk.OrderPlacement;
import io.livechain.order.event.OrderPacked;
import io.livechain.order.event.OrderPaid;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.desk.LiveStreamStart;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Packing makes the buyer's delivery code; a stream's endsAt is binding without anyone ending it. */
class PackingAndStreamWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final String SKU = "LIP-RED";
    private static final OfferTerms OFFER = new OfferTerms(SKU, new BigDecimal("19.90"), 100, 5, false);

    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId warehouse = ParticipantId.random();
    private final LiveStreamId stream = LiveStreamId.random();
    private InMemoryDesk platform;

    @BeforeEach
    void anOfferOnAirUntilAnHourFromNow() {
        platform = new InMemoryDesk(NOW, 10, Duration.ofSeconds(5));
        platform.givenOfferOnAir(merchant, stream, OFFER, 10, warehouse);
        platform.desk.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        platform.close();
    }

    @Test
    void packing_gives_the_order_the_buyers_code_and_the_delivery_only_its_hash() {
        // given a paid order whose unit is held at the warehouse
        OrderId orderId = OrderId.random();
        assertThat(status(platform.decide(placement(orderId)))).isEqualTo(201);
        platform.append("Order", orderId, new OrderPaid(orderId, new BigDecimal("19.90"), "psp-1"));
        // when the warehouse packs it
        assertThat(status(platform.decide(new OrderPacking(warehouse, orderId, 1))))
                .isEqualTo(201);
        // then the order holds a fresh six-digit code, and the delivery only the code's hash
        OrderPacked packed = only(OrderPacked.class);
        DeliveryOffered offered = only(DeliveryOffered.class);
        assertThat(packed.deliveryCode()).matches("[0-9]{6}");
        assertThat(offered.codeHash()).isEqualTo(DeliveryCode.hash(DeliveryId.of(orderId), packed.deliveryCode()));
        assertThat(offered.toString()).doesNotContain(packed.deliveryCode());
    }

    @Test
    void refuses_orders_once_the_streams_end_has_passed_although_nobody_ended_it() {
        // given the stream is still live, and its endsAt has come
        platform.clock.advance(Duration.ofHours(1));
        int stored = platform.payloads().size();
        // when a buyer orders
        DeskOutcome order = platform.decide(placement(OrderId.random()));
        // then
        assertThat(status(order)).isEqualTo(409);
        assertThat(code(order)).isEqualTo("live-stream-not-live");
        assertThat(platform.payloads()).hasSize(stored);
        assertThat(platform.windows.stored).isEmpty();
    }

    @Test
    void a_stream_cannot_start_once_its_end_has_passed() {
        // given a stream scheduled for the past hour that nobody started
        LiveStreamId late = LiveStreamId.random();
        platform.given(
                "LiveStream",
                late,
                new LiveStreamScheduled(
                        late, merchant, "Missed", NOW.minusSeconds(7200), NOW.minusSeconds(3600), 30, List.of(OFFER)));
        // when the merchant starts it now
        DeskOutcome start = platform.decide(new LiveStreamStart(late, merchant));
        // then
        assertThat(status(start)).isEqualTo(409);
        assertThat(code(start)).isEqualTo("live-stream-over");
        assertThat(platform.payloads()).last().isInstanceOf(LiveStreamScheduled.class);
    }

    @Test
    void the_board_answers_an_order_after_the_streams_end_at_once() {
        // given the desk decided an order, so the board knows the stream
        assertThat(status(platform.decide(placement(OrderId.random())))).isEqualTo(201);
        // when an order comes after the stream's end
        Optional<BusinessRuleViolation> atOnce = platform.desk
                .board()
                .certainRejection(merchant, stream, List.of(new RequestedLine(SKU, 1)), NOW.plusSeconds(3600));
        // then the board says no without the desk, and before the end it does not
        assertThat(atOnce).hasValueSatisfying(no -> assertThat(no.code()).isEqualTo("live-stream-not-live"));
        assertThat(platform.desk
                        .board()
                        .certainRejection(merchant, stream, List.of(new RequestedLine(SKU, 1)), NOW.plusSeconds(3599)))
                .isEmpty();
    }

    private OrderPlacement placement(OrderId orderId) {
        return new OrderPlacement(
                orderId,
                merchant,
                stream,
                "buyer-" + orderId.value().toString().substring(0, 8),
                List.of(new RequestedLine(SKU, 1)),
                new ShippingAddress("north", "1 Main St", "Springfield", "Ann"));
    }

    private <T> T only(Class<T> type) {
        List<T> found = platform.payloads().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static int status(DeskOutcome outcome) {
        return ((DeskOutcome.Answered) outcome).response().status();
    }

    private static String code(DeskOutcome outcome) {
        return new String(((DeskOutcome.Answered) outcome).response().body(), StandardCharsets.UTF_8);
    }
}
