package io.livechain.web.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.delivery.event.ClaimExpired;
import io.livechain.testing.TestDatabases;
import io.livechain.web.Api;
import io.livechain.web.ReadModels;
import io.livechain.web.RunningPlatform;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
            var scenario = new DeliveryScenario(RunningPlatform.api(first), first, "RST-D");
            deliveryId = scenario.packedOrder("RST-D", "erin")[1];
            scenario.caughtUp();
            assertThat(scenario.offered(scenario.courierA, deliveryId)).isTrue();
            var claimed = scenario.api.post(
                    "/api/v1/courier/deliveries/" + deliveryId + "/claim", scenario.courierA.apiKey(), "{}");
            assertThat(claimed.status()).isEqualTo(200);
            // the claim is visible before the instance stops (the read model follows the events)
            scenario.caughtUp();
            assertThat(scenario.offered(scenario.courierB, deliveryId)).isFalse();
            claimant = scenario.courierA;
            otherCourier = scenario.courierB;
        }
        // when a new instance runs on the same database
        try (ConfigurableApplicationContext second = start()) {
            var api = RunningPlatform.api(second);
            // then the claim lapses there: the delivery is on offer again and the first claimant lost it
            ReadModels.awaitEvent(second.getBean(EventStore.class), deliveryId, ClaimExpired.class);
            ReadModels.awaitQuiet(second);
            assertThat(api.get("/api/v1/courier/offers", otherCourier.apiKey()).body())
                    .contains(deliveryId);
            assertThat(api.post("/api/v1/courier/deliveries/" + deliveryId + "/pickup", claimant.apiKey(), "{}")
                            .status())
                    .isEqualTo(404); // no longer theirs
        }
    }

    private ConfigurableApplicationContext start() {
        return RunningPlatform.start(database, List.of(), "--livechain.delivery.claim-timeout=PT10S");
    }
}
