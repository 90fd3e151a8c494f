package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.PlatformIT;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Under overload the order path answers 503 with Retry-After, and a 503 means nothing changed: the request was never
 * decided, so its retry (same key) is decided afresh instead of replayed, and no unit was taken for it. A desk that
 * holds at most 2 waiting requests makes the overload certain when 300 buyers order at once.
 */
@TestPropertySource(properties = {"livechain.desk.queue-capacity=2", "livechain.desk.answer-budget=50ms"})
class OverloadIT extends PlatformIT {

    private static final int BUYERS = 300;

    @Test
    void a_busy_answer_changes_nothing_and_its_retry_is_decided_afresh() throws Exception {
        // given an offer of exactly one unit per buyer
        var sale = new SalesScenario(api());
        sale.product("BUSY-1");
        sale.receive(sale.northWarehouse, "BUSY-1", BUYERS);
        String stream = sale.liveStream("BUSY-1", BUYERS, 1, false, 30);
        // when every buyer orders at once
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            attempts.add(new Attempt("buyer-" + i, UUID.randomUUID().toString()));
        }
        List<Api.Response> first = all(attempts, attempt -> attempt.send(sale, stream));
        // then some were turned away, each with a problem saying when to come back
        List<Attempt> turnedAway = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Api.Response response = first.get(i);
            assertThat(response.status()).as(response.body()).isIn(201, 503);
            if (response.status() == 503) {
                assertThat(response.problemType()).isEqualTo("busy");
                assertThat(response.header("Retry-After")).isNotBlank();
                turnedAway.add(attempts.get(i));
            }
        }
        assertThat(turnedAway).isNotEmpty();
        // and each retry with the same key is decided now, not replayed: the busy answer had recorded nothing
        for (Attempt attempt : turnedAway) {
            Api.Response retry = attempt.sendUntilDecided(sale, stream);
            assertThat(retry.status()).as(retry.body()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isNull();
        }
        // and no unit went to a busy answer: every buyer has exactly one, and the offer is exactly sold out
        assertThat(sale.order(stream, "one-too-many", "BUSY-1", 1).problemType())
                .isEqualTo("sold-out");
    }

    private static List<Api.Response> all(
            List<Attempt> attempts, java.util.function.Function<Attempt, Api.Response> send) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Attempt attempt : attempts) {
                futures.add(pool.submit((Callable<Api.Response>) () -> send.apply(attempt)));
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }

    private record Attempt(String buyer, String key) {

        Api.Response send(SalesScenario sale, String stream) {
            return sale.orderOnce(stream, buyer, "BUSY-1", 1, key, "north");
        }

        /** One at a time the desk always has room; a rare busy answer is simply retried, as a client would. */
        Api.Response sendUntilDecided(SalesScenario sale, String stream) {
            Api.Response response = send(sale, stream);
            while (response.status() == 503) {
                response = send(sale, stream);
            }
            return response;
        }
    }
}
