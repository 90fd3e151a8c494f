package io.livechain.web.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livechain.testing.TestDatabases;
import io.livechain.web.Api;
import io.livechain.web.RunningPlatform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The claim timeout is a durable deadline: a claim made before a restart still lapses after it. */
class ClaimTimeoutRestartIT {

    private final TestDatabases.Database database = TestDatabases.create("claim_timeout_restart");

    @Test
    void a_claim_made_before_a_restart_lapses_after_it_and_the_delivery_is_offered_again() {
        // given a delivery claimed (with a 10 s claim timeout) on an instance that then stops
        String deliveryId;
        Api.Registered otherCourier;
        Api.Registered claimant;
        try (ConfigurableApplicationContext first = start()) {
            var scenario = new DeliveryScenario(RunningPlatform.api(first), "RST-D");
            deliveryId = scenario.packedOrder("RST-D", "erin")[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> scenario.offered(scenario.courierA, deliveryId));
            var claimed = scenario.api.post(
                    "/api/v1/courier/deliveries/" + deliveryId + "/claim", scenario.courierA.apiKey(), "{}");
            assertThat(claimed.status()).isEqualTo(200);
            // the claim is visible before the instance stops (the read model follows the events)
            await().atMost(Duration.ofSeconds(30)).until(() -> !scenario.offered(scenario.courierB, deliveryId));
            claimant = scenario.courierA;
            otherCourier = scenario.courierB;
        }
        // when a new instance runs on the same database
        try (ConfigurableApplicationContext second = start()) {
            var api = RunningPlatform.api(second);
            // then the claim lapses there: the delivery is on offer again and the first claimant lost it
            await().atMost(Duration.ofSeconds(90))
                    .ignoreExceptions()
                    .until(() -> api.get("/api/v1/courier/offers", otherCourier.apiKey())
                            .body()
                            .contains(deliveryId));
            assertThat(api.post("/api/v1/courier/deliveries/" + deliveryId + "/pickup", claimant.apiKey(), "{}")
                            .status())
                    .isEqualTo(404); // no longer theirs
        }
    }

    private ConfigurableApplicationContext start() {
        return RunningPlatform.start(database, List.of(), "--livechain.delivery.claim-timeout=PT10S");
    }
}
