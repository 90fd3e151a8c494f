package io.livechain.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.order.OrderId;
import io.livechain.order.ShippingAddress;
import io.livechain.order.desk.OrderPlacement;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.RequestedLine;
import io.livechain.shared.InvalidField;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flash-sale order as the desk decides it: what it refuses before anything changes. */
class OrderPlacementTest {

    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final String SKU = "GOLD";

    private final ParticipantId merchant = ParticipantId.random();
    private final LiveStreamId stream = LiveStreamId.random();
    private InMemoryDesk platform;

    @BeforeEach
    void aPreciousOfferOnAir() {
        platform = new InMemoryDesk(NOW, 10, Duration.ofSeconds(5));
        platform.givenOfferOnAir(
                merchant, stream, new OfferTerms(SKU, new BigDecimal("1000000.00"), 20_000, 10_000, false), 20_000);
        platform.desk.start();
    }

    @AfterEach
    void close() throws InterruptedException {
        platform.close();
    }

    @Test
    void refuses_an_order_whose_total_could_not_be_stored_and_changes_nothing() {
        // given the offer's price; when a buyer orders 10,000 at a million each
        DeskOutcome outcome = place("whale", 10_000);
        // then it is refused as invalid, and nothing was stored
        assertThat(outcome).isInstanceOfSatisfying(DeskOutcome.Answered.class, answered -> {
            assertThat(answered.response().status()).isEqualTo(400);
            assertThat(answered.response().body())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("invalid-order");
        });
        assertThat(platform.payloads()).hasSize(4); // the given history only
        assertThat(platform.windows.stored).isEmpty();
    }

    @Test
    void places_an_order_up_to_the_largest_total() {
        assertThat(place("big-spender", 9_999))
                .isInstanceOfSatisfying(
                        DeskOutcome.Answered.class,
                        answered -> assertThat(answered.response().status()).isEqualTo(201));
    }

    @Test
    void a_placement_with_an_invalid_field_cannot_exist() {
        assertThatThrownBy(() ->
                        placement("buyer", 1, new ShippingAddress("north", "1 Main St", "Springfield", "Ann\u0007")))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("shippingAddress.recipient"));
        assertThatThrownBy(() -> placement("buyer", 10_001, address("Ann")))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("lines[0].quantity"));
    }

    @Test
    void the_shipping_zone_is_kept_folded_so_that_couriers_of_the_zone_see_the_parcel() {
        assertThat(placement("buyer", 1, new ShippingAddress(" North ", "1 Main St", "Springfield", "Ann"))
                        .shippingAddress()
                        .zone())
                .isEqualTo("north");
        assertThatThrownBy(() ->
                        placement("buyer", 1, new ShippingAddress("north pole", "1 Main St", "Springfield", "Ann")))
                .isInstanceOfSatisfying(
                        InvalidField.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("shippingAddress.zone"));
    }

    private DeskOutcome place(String buyer, int quantity) {
        OrderPlacement placement = placement(buyer, quantity, address(buyer));
        return platform.desk.decide(
                new DeskRequest<>(placement, Map.of(), null, null, placement, new InMemoryDesk.Answers<>()));
    }

    private OrderPlacement placement(String buyer, int quantity, ShippingAddress address) {
        return new OrderPlacement(
                OrderId.random(), merchant, stream, buyer, List.of(new RequestedLine(SKU, quantity)), address);
    }

    private static ShippingAddress address(String recipient) {
        return new ShippingAddress("north", "1 Main St", "Springfield", recipient);
    }
}
