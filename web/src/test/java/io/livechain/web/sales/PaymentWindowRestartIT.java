package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.order.desk.PaymentWindowSweeper;
import io.livechain.testing.TestDatabases;
import io.livechain.web.ReadModels;
import io.livechain.web.RunningPlatform;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The payment window is stored with the order: it closes even if the platform restarted in between. */
class PaymentWindowRestartIT {

    private final TestDatabases.Database database = TestDatabases.create("payment_window_restart");

    @Test
    void an_order_placed_before_a_restart_expires_after_it() throws InterruptedException {
        // given an unpaid order with a one-minute window, on an instance that then stops
        String orderId;
        String stream;
        String merchantKey;
        try (ConfigurableApplicationContext first = RunningPlatform.start(database, List.of())) {
            var sale = new SalesScenario(RunningPlatform.api(first));
            sale.product("RST-1");
            sale.receive(sale.northWarehouse, "RST-1", 1);
            stream = sale.liveStream("RST-1", 1, 1, false, 1);
            orderId = sale.order(stream, "buyer", "RST-1", 1).json().get("id").asString();
            merchantKey = sale.merchant.apiKey();
        }
        // when a new instance runs on the same database, after the window closed
        try (ConfigurableApplicationContext second = RunningPlatform.start(database, List.of(TwoMinutesLater.class))) {
            var api = RunningPlatform.api(second);
            // then a sweep there expires the order (swept here, not waited for: when it returns the window is closed)
            // and its unit can be bought again
            second.getBean(PaymentWindowSweeper.class).sweep();
            ReadModels.awaitQuiet(second);
            assertThat(api.get("/api/v1/orders/" + orderId, merchantKey)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("EXPIRED");
            assertThat(api.post(
                                    "/api/v1/orders",
                                    merchantKey,
                                    """
                                            {"liveStreamId":"%s","buyerId":"second","lines":[{"sku":"RST-1","quantity":1}],
                                             "shippingAddress":{"zone":"north","line1":"1","city":"c","recipient":"r"}}""".formatted(stream),
                                    java.util.Map.of(
                                            "Idempotency-Key",
                                            java.util.UUID.randomUUID().toString()))
                            .status())
                    .isEqualTo(201);
            assertThat(api.get("/api/v1/orders/" + orderId + "/timeline", merchantKey)
                            .body())
                    .contains("OrderExpired", "StockReleased", "OrderUnitsReturned", "\"role\":\"SYSTEM\"");
        }
    }

    /** The second instance runs two minutes after the first: the order's window has closed meanwhile. */
    static class TwoMinutesLater {
        @Bean
        Clock clock() {
            return Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        }
    }
}
