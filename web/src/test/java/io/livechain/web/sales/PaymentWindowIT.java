package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.order.desk.PaymentWindowSweeper;
import io.livechain.web.PlatformClock;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invariant 7: an order not paid within its window expires, and its units can be bought again. The window is
 * stored with the order; the test moves the platform's clock past it instead of waiting.
 */
class PaymentWindowIT extends PlatformIT {

    @TestConfiguration
    static class MovableTime {
        @Bean
        PlatformClock clock() {
            return new PlatformClock();
        }
    }

    @Autowired
    PlatformClock clock;

    @Autowired
    PaymentWindowSweeper sweeper;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void an_unpaid_order_expires_and_its_units_can_be_bought_again() throws InterruptedException {
        // given the only unit is ordered and not paid, with its window stored as the answer says
        var sale = new SalesScenario(api());
        sale.product("EXP-1");
        sale.receive(sale.northWarehouse, "EXP-1", 1);
        String stream = sale.liveStream("EXP-1", 1, 1, false, 1);
        var placed = sale.order(stream, "slow-payer", "EXP-1", 1).json();
        String orderId = placed.get("id").asString();
        assertThat(storedWindow(orderId))
                .containsExactly(Instant.parse(placed.get("paymentDueAt").asString()));
        assertThat(sale.order(stream, "next-buyer", "EXP-1", 1).problemType()).isEqualTo("sold-out");
        // when its payment window closes
        clock.advance(Duration.ofMinutes(1));
        sweeper.sweep();
        // then the unit is back at once and the next buyer gets it
        assertThat(sale.order(stream, "next-buyer", "EXP-1", 1).status()).isEqualTo(201);
        assertThat(storedWindow(orderId)).isEmpty();
        var paymentTooLate = api().post(
                        "/api/v1/orders/" + orderId + "/payments",
                        sale.merchant.apiKey(),
                        "{\"amount\":19.90,\"reference\":\"late\"}");
        assertThat(paymentTooLate.status()).isEqualTo(409);
        assertThat(paymentTooLate.problemType()).isEqualTo("order-not-payable");
        ReadModels.awaitCaughtUp(eventStore, processing);
        assertThat(api().get("/api/v1/orders/" + orderId, sale.merchant.apiKey())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void a_paid_order_does_not_expire() throws InterruptedException {
        // given the only unit is ordered and paid
        var sale = new SalesScenario(api());
        sale.product("EXP-2");
        sale.receive(sale.northWarehouse, "EXP-2", 1);
        String stream = sale.liveStream("EXP-2", 1, 1, false, 1);
        String orderId =
                sale.order(stream, "prompt-payer", "EXP-2", 1).json().get("id").asString();
        var paid = api().post(
                        "/api/v1/orders/" + orderId + "/payments",
                        sale.merchant.apiKey(),
                        "{\"amount\":19.90,\"reference\":\"psp-9\"}");
        assertThat(paid.status()).isEqualTo(200);
        // when its payment window would have closed
        clock.advance(Duration.ofHours(1));
        sweeper.sweep();
        // then nothing went back, and the window is gone
        assertThat(sale.order(stream, "another", "EXP-2", 1).problemType()).isEqualTo("sold-out");
        assertThat(storedWindow(orderId)).isEmpty();
    }

    private List<Instant> storedWindow(String orderId) {
        return jdbc
                .queryForList(
                        "SELECT due_at FROM desk.payment_window WHERE order_id = ?",
                        Timestamp.class,
                        UUID.fromString(orderId))
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }
}
