package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livechain.web.PackagedPlatform;
import io.livechain.web.TimedClient;
import io.livechain.web.TimedClient.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the packaged application in the middle of an order burst, then a start on the same data
 * directory: no acknowledged order is lost, every retry with the same key replays its answer, and the units
 * admitted are exactly the orders acknowledged. The embedded database of the killed process is left running on
 * purpose (its watchdog is killed too), so the start must cope with it; the second process is killed without that,
 * and its watchdog stops its database.
 */
class CrashRecoveryIT {

    private static final String SKU = "CRASH-1";
    private static final int UNITS = 1_500;
    private static final int BUYERS_AT_ONCE = 16;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 300;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDirectory;

    @AfterEach
    void leaveNoDatabaseRunning() {
        PackagedPlatform.postmaster(dataDirectory)
                .ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    }

    @Test
    void a_kill_9_in_the_middle_of_an_order_burst_loses_no_acknowledged_order() throws Exception {
        // given the packaged platform, in a process of its own, selling 1,500 units on air
        Buyers buyers;
        Map<Buyers.Order, Reply> beforeTheKill;
        long databaseLeftBehind;
        try (PackagedPlatform first = PackagedPlatform.start(dataDirectory, "crash-first")) {
            var sale = new SalesScenario(first.api());
            sale.product(SKU);
            sale.receive(sale.northWarehouse, SKU, UNITS);
            String stream = sale.liveStream(SKU, UNITS, 1, false, 30);
            buyers = new Buyers(client(first), sale.merchant.apiKey(), stream, SKU);
            // when buyers order at once, and the process is killed with -9 (its database's watchdog first)
            try (Burst burst = new Burst(buyers)) {
                // the test's own traffic, counted as it is answered: the kill lands mid-burst
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> burst.acknowledged() >= ACKNOWLEDGED_BEFORE_THE_KILL);
                databaseLeftBehind = PackagedPlatform.postmaster(dataDirectory).orElseThrow();
                first.kill(true);
                beforeTheKill = burst.stop();
            }
        }
        // then until the kill every answer was an order placed (or busy: nothing changed)
        List<Buyers.Order> acknowledged = ordersAnswered(beforeTheKill, 201);
        List<Buyers.Order> undecided = new ArrayList<>(ordersAnswered(beforeTheKill, 503));
        beforeTheKill.forEach((order, reply) -> {
            if (reply.answered()) {
                assertThat(reply.status()).as(reply.toString()).isIn(201, 503);
            } else {
                undecided.add(order);
            }
        });
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);
        // and the killed process's database runs on without it
        assertThat(PackagedPlatform.isAlive(databaseLeftBehind)).isTrue();

        // when the platform starts again on the same data directory
        try (PackagedPlatform second = PackagedPlatform.start(dataDirectory, "crash-second")) {
            Buyers again = buyers.via(client(second));
            // then it stopped the database left behind, and started its own
            assertThat(PackagedPlatform.isAlive(databaseLeftBehind)).isFalse();
            // and every acknowledged order is there: its retry replays the first answer
            again.placeAllUntilDecided(acknowledged, 8).forEach((order, replay) -> {
                assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
                assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(replay.body()).isEqualTo(beforeTheKill.get(order).body());
            });
            // and every order left without an answer is decided once: replayed if it was committed, placed if not
            assertThat(again.placeAllUntilDecided(undecided, 8).values())
                    .allSatisfy(decided ->
                            assertThat(decided.status()).as(decided.toString()).isEqualTo(201));
            // and the units admitted are exactly the orders acknowledged: the rest sells to new buyers, to the unit
            int placedAfterwards = again.sellOut(8);
            assertThat(acknowledged.size() + undecided.size() + placedAfterwards)
                    .isEqualTo(UNITS);

            // when this process is killed with -9 too, its database's watchdog left alive
            long database = PackagedPlatform.postmaster(dataDirectory).orElseThrow();
            second.kill(false);
            // then the watchdog stops the database
            // an operating-system process ending by itself: only polling it can tell when
            await().atMost(Duration.ofSeconds(60)).until(() -> !PackagedPlatform.isAlive(database));
        }
    }

    private static TimedClient client(PackagedPlatform platform) {
        return new TimedClient(platform.port(), CLIENT_TIMEOUT);
    }

    private static List<Buyers.Order> ordersAnswered(Map<Buyers.Order, Reply> replies, int status) {
        return replies.entrySet().stream()
                .filter(entry -> entry.getValue().answered() && entry.getValue().status() == status)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Buyers ordering as fast as they are answered, until stopped or the platform is gone. */
    private static final class Burst implements AutoCloseable {

        private final Map<Buyers.Order, Reply> replies = new ConcurrentHashMap<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        private final List<Future<?>> workers = new ArrayList<>();

        Burst(Buyers buyers) {
            for (int i = 0; i < BUYERS_AT_ONCE; i++) {
                workers.add(pool.submit(() -> {
                    while (!stopped.get()) {
                        Buyers.Order order = buyers.next();
                        Reply reply = buyers.place(order);
                        replies.put(order, reply);
                        if (!reply.answered()) {
                            return; // the platform is gone
                        }
                        if (reply.status() == 201) {
                            acknowledged.incrementAndGet();
                        }
                    }
                }));
            }
        }

        int acknowledged() {
            return acknowledged.get();
        }

        Map<Buyers.Order, Reply> stop() throws Exception {
            stopped.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
            return Map.copyOf(replies);
        }

        @Override
        public void close() {
            stopped.set(true);
            pool.close();
        }
    }
}
