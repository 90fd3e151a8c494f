package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livechain.testing.TestDatabases;
import io.livechain.web.RunningPlatform;
import io.livechain.web.TcpProxy;
import io.livechain.web.TimedClient;
import io.livechain.web.TimedClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away twice while orders and other requests arrive: first unreachable (every connection dropped
 * and refused, as when the server stops), then silent (connections open, nothing answers, as with a hung server or
 * a network dropping packets). The platform talks to its database through a {@link TcpProxy} that the test cuts.
 * While the database is away every request that needs it is answered 503 with {@code Retry-After} (none waits for
 * the database to come back: each outage lasts longer than the client's patience); when it returns the platform
 * serves again by itself; and nothing acknowledged is lost.
 */
class DatabaseOutageIT {

    private static final String SKU = "OUTAGE-1";
    private static final int UNITS = 1_500;
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** The first moment of an outage, while connections in use find out; answers after it must all be 503. */
    private static final Duration SETTLING = Duration.ofMillis(1500);
    /** Longer than an answer may take, shorter than an outage: a request that waits for the database times out. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

    private static final String ORDER = "order (intake and desk)";
    private static final String PRODUCT = "product (desk-decided endpoint)";
    private static final String PAYMENT = "payment (command bus in a transaction)";
    private static final String QUERY = "order list (query)";
    private static final String AUTHENTICATION = "a key not seen before (authentication)";
    private static final String READINESS = "readiness";

    @Test
    void with_the_database_away_requests_fail_fast_and_the_platform_recovers_by_itself() throws Exception {
        // given a platform whose database is reached through a proxy, selling 1,500 units on air
        TestDatabases.Database database = TestDatabases.create("DatabaseOutageIT");
        try (TcpProxy proxy = TcpProxy.before(database.url());
                ConfigurableApplicationContext context = RunningPlatform.start(
                        List.of(),
                        "--spring.datasource.url=" + proxy.jdbcUrl(database.url()),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password())) {
            var sale = new SalesScenario(RunningPlatform.api(context));
            sale.product(SKU);
            sale.receive(sale.northWarehouse, SKU, UNITS);
            String stream = sale.liveStream(SKU, UNITS, 1, false, 30);
            TimedClient client = new TimedClient(
                    ((WebServerApplicationContext) context).getWebServer().getPort(), CLIENT_TIMEOUT);
            Buyers buyers = new Buyers(client, sale.merchant.apiKey(), stream, SKU);
            List<String> unseenKeys = List.of(
                    sale.api.register("merchants", "{\"name\":\"Late One\"}").apiKey(),
                    sale.api.register("merchants", "{\"name\":\"Late Two\"}").apiKey());
            List<Window> outages = new ArrayList<>();

            // when orders, products, payments and queries keep coming while the database is cut off, then frozen
            try (Traffic traffic = new Traffic(client, buyers, sale)) {
                Thread.sleep(1_500);
                outages.add(outage(proxy::cut, proxy::restore, client, unseenKeys.get(0), traffic));
                awaitServing(buyers, traffic, outages.getLast());
                Thread.sleep(1_000);
                outages.add(outage(proxy::freeze, proxy::restore, client, unseenKeys.get(1), traffic));
                awaitServing(buyers, traffic, outages.getLast());
                Thread.sleep(1_000);
                traffic.stop();

                // then no request waited for the database to come back, and nothing failed as a bug would
                List<Call> calls = List.copyOf(traffic.calls);
                assertThat(calls)
                        .allSatisfy(call -> assertThat(call.reply().answered())
                                .as("%s: %s", call.kind(), call.reply())
                                .isTrue());
                assertThat(calls)
                        .allSatisfy(call -> assertThat(call.reply().status())
                                .as("%s: %s", call.kind(), call.reply())
                                .isIn(200, 201, 503));
                // and every 503 is a problem saying when to come back
                assertThat(calls)
                        .filteredOn(call ->
                                call.reply().status() == 503 && !call.kind().equals(READINESS))
                        .isNotEmpty()
                        .allSatisfy(call -> {
                            Reply reply = call.reply();
                            assertThat(reply.problemType()).as(reply.toString()).isIn("unavailable", "busy");
                            assertThat(reply.header("Retry-After"))
                                    .as(reply.toString())
                                    .isNotBlank();
                            assertThat(reply.json().path("correlationId").asString())
                                    .as(reply.toString())
                                    .isNotBlank();
                        });
                // and while the database was away, every path answered 503 (not later, once it was back)
                for (Window outage : outages) {
                    List<Call> during =
                            calls.stream().filter(outage::answeredWithin).toList();
                    assertThat(during)
                            .allSatisfy(call -> assertThat(call.reply().status())
                                    .as("%s: %s", call.kind(), call.reply())
                                    .isEqualTo(503));
                    assertThat(during.stream().map(Call::kind).distinct())
                            .containsExactlyInAnyOrder(ORDER, PRODUCT, PAYMENT, QUERY, AUTHENTICATION, READINESS);
                    assertThat(during)
                            .filteredOn(call ->
                                    call.kind().equals(ORDER) || call.kind().equals(PRODUCT))
                            .anySatisfy(call ->
                                    assertThat(call.reply().problemType()).isEqualTo("unavailable"));
                }
                System.out.printf(
                        "the slowest 503 of the test took %d ms%n",
                        calls.stream()
                                .filter(call -> call.reply().status() == 503)
                                .mapToLong(call -> call.reply().took().toMillis())
                                .max()
                                .orElse(0));
                // and the platform is ready again
                assertThat(client.get("/actuator/health/readiness", null).status())
                        .isEqualTo(200);

                // and every acknowledged order is still there: its retry replays the first answer
                Map<Buyers.Order, Reply> placed = Map.copyOf(traffic.orders);
                List<Buyers.Order> acknowledged = answered(placed, 201);
                List<Buyers.Order> turnedAway = answered(placed, 503);
                assertThat(acknowledged.size() + turnedAway.size()).isEqualTo(placed.size());
                buyers.placeAllUntilDecided(acknowledged, 8).forEach((order, replay) -> {
                    assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
                    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
                    assertThat(replay.body()).isEqualTo(placed.get(order).body());
                });
                // and every order answered 503 is decided once now (replayed if its commit happened after all)
                assertThat(buyers.placeAllUntilDecided(turnedAway, 8).values())
                        .allSatisfy(reply ->
                                assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
                // and the units admitted are exactly the orders acknowledged: the rest sells to new buyers, to the unit
                assertThat(acknowledged.size() + turnedAway.size() + buyers.sellOut(8))
                        .isEqualTo(UNITS);
            }
        }
    }

    private static List<Buyers.Order> answered(Map<Buyers.Order, Reply> replies, int status) {
        return replies.entrySet().stream()
                .filter(entry -> entry.getValue().status() == status)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Takes the database away for a while, asking readiness and a key never seen before meanwhile. */
    private static Window outage(Runnable begin, Runnable end, TimedClient client, String unseenKey, Traffic traffic)
            throws InterruptedException {
        long from = System.nanoTime();
        begin.run();
        Thread.sleep(SETTLING.toMillis() + 500);
        traffic.record(READINESS, client.get("/actuator/health/readiness", null));
        traffic.record(AUTHENTICATION, client.get("/api/v1/orders?limit=1", unseenKey));
        Thread.sleep(OUTAGE.toMillis() - SETTLING.toMillis() - 500);
        long until = System.nanoTime();
        end.run();
        return new Window(from + SETTLING.toNanos(), until);
    }

    /** Waits until an order is placed again: the platform recovers without a restart. */
    private static void awaitServing(Buyers buyers, Traffic traffic, Window outage) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Buyers.Order order = buyers.next();
                    Reply reply = buyers.place(order);
                    traffic.orders.put(order, reply);
                    return reply.status() == 201;
                });
        List<Call> during =
                traffic.calls.stream().filter(outage::answeredWithin).toList();
        System.out.printf(
                "database away for %d ms: %d calls answered meanwhile, the slowest in %d ms; serving again %d ms"
                        + " after its return%n",
                Duration.ofNanos(outage.until() - outage.from()).plus(SETTLING).toMillis(),
                during.size(),
                during.stream()
                        .mapToLong(call -> call.reply().took().toMillis())
                        .max()
                        .orElse(0),
                Duration.ofNanos(System.nanoTime() - outage.until()).toMillis());
    }

    /** Answers sent and received while the database was away (after the first moment of the outage). */
    private record Window(long from, long until) {
        boolean answeredWithin(Call call) {
            return call.reply().sentAt() >= from && call.reply().answeredAt() < until;
        }
    }

    private record Call(String kind, Reply reply) {}

    private record Payment(String orderId, String key) {}

    /**
     * Buyers ordering, and one merchant at the same time defining products, paying orders and listing them; every
     * call kept.
     */
    private static final class Traffic implements AutoCloseable {

        private static final int ORDERING = 4;

        final Queue<Call> calls = new ConcurrentLinkedQueue<>();
        final Map<Buyers.Order, Reply> orders = new ConcurrentHashMap<>();
        /** Payments to make; one answered 503 is made again, with its key, until it is answered. */
        private final Queue<Payment> payments = new ConcurrentLinkedQueue<>();

        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger products = new AtomicInteger();
        private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        private final List<Future<?>> workers = new ArrayList<>();

        Traffic(TimedClient client, Buyers buyers, SalesScenario sale) {
            for (int i = 0; i < ORDERING; i++) {
                workers.add(pool.submit(() -> {
                    while (!stopped.get()) {
                        Buyers.Order order = buyers.next();
                        Reply reply = buyers.place(order);
                        orders.put(order, reply);
                        record(ORDER, reply);
                        if (reply.status() == 201) {
                            payments.add(new Payment(
                                    reply.json().get("id").asString(),
                                    UUID.randomUUID().toString()));
                        }
                        // as a client would: a little while between buyers, a little longer after a 503
                        Thread.sleep(reply.status() == 503 ? 250 : 50);
                    }
                    return null;
                }));
            }
            String merchantKey = sale.merchant.apiKey();
            workers.add(pool.submit(() -> {
                while (!stopped.get()) {
                    int n = products.incrementAndGet();
                    record(
                            PRODUCT,
                            client.post(
                                    "/api/v1/products",
                                    merchantKey,
                                    """
                                    {"sku":"OUT-P-%d","name":"Product %d","factoryId":"%s","batchSize":100,"leadTimeHours":48}""".formatted(n, n, sale.factory.id()),
                                    Map.of("Idempotency-Key", UUID.randomUUID().toString())));
                    Payment payment = payments.poll();
                    if (payment != null) {
                        Reply paid = client.post(
                                "/api/v1/orders/" + payment.orderId() + "/payments",
                                merchantKey,
                                "{\"amount\":19.90,\"reference\":\"psp-" + payment.key() + "\"}",
                                Map.of("Idempotency-Key", payment.key()));
                        record(PAYMENT, paid);
                        if (paid.status() == 503) {
                            payments.add(payment);
                        }
                    }
                    record(QUERY, client.get("/api/v1/orders?limit=5", merchantKey));
                    Thread.sleep(20);
                }
                return null;
            }));
        }

        void record(String kind, Reply reply) {
            calls.add(new Call(kind, reply));
        }

        void stop() throws Exception {
            stopped.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
        }

        @Override
        public void close() {
            stopped.set(true);
            pool.close();
        }
    }
}
