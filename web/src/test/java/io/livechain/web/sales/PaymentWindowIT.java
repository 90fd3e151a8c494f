package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livechain.web.PlatformIT;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Invariant 7: an order not paid within its window expires, and its units can be bought again. */
class PaymentWindowIT extends PlatformIT {

    /** The platform's clock runs 57 s behind, so a one-minute payment window closes 3 s after an order. */
    @TestConfiguration
    static class WindowClosesSoon {
        @Bean
        Clock clock() {
            return Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-57));
        }
    }

    @Test
    void an_unpaid_order_expires_and_its_units_can_be_bought_again() {
        // given the only unit is ordered and not paid
        var sale = new SalesScenario(api());
        sale.product("EXP-1");
        sale.receive(sale.northWarehouse, "EXP-1", 1);
        String stream = sale.liveStream("EXP-1", 1, 1, false, 1);
        String orderId =
                sale.order(stream, "slow-payer", "EXP-1", 1).json().get("id").asString();
        assertThat(sale.order(stream, "next-buyer", "EXP-1", 1).problemType()).isEqualTo("sold-out");
        // when its payment window closes
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> api().get("/api/v1/orders/" + orderId, sale.merchant.apiKey())
                        .json()
                        .get("status")
                        .asString()
                        .equals("EXPIRED"));
        // then the unit goes back and the next buyer gets it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sale.order(stream, "next-buyer", "EXP-1", 1).status() == 201);
        var paymentTooLate = api().post(
                        "/api/v1/orders/" + orderId + "/payments",
                        sale.merchant.apiKey(),
                        "{\"amount\":19.90,\"reference\":\"late\"}");
        assertThat(paymentTooLate.status()).isEqualTo(409);
        assertThat(paymentTooLate.problemType()).isEqualTo("order-not-payable");
    }

    @Test
    void a_paid_order_does_not_expire() throws InterruptedException {
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
        // the window would have closed 3 s after the order: a second order proves time has passed
        await().pollDelay(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> api().get("/api/v1/orders/" + orderId, sale.merchant.apiKey())
                        .json()
                        .get("status")
                        .asString()
                        .equals("PAID"));
        assertThat(sale.order(stream, "another", "EXP-2", 1).problemType()).isEqualTo("sold-out");
    }
}
