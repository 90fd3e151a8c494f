package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.TimedClient;
import io.livechain.web.TimedClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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

/** Buyers of one offer, for fault tests: one unit each, each order with a key and a buyer of its own. */
final class Buyers {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final TimedClient client;
    private final String merchantKey;
    private final String stream;
    private final String sku;

    Buyers(TimedClient client, String merchantKey, String stream, String sku) {
        this.client = client;
        this.merchantKey = merchantKey;
        this.stream = stream;
        this.sku = sku;
    }

    /** The same buyers, through another client (the platform restarted, say). */
    Buyers via(TimedClient other) {
        return new Buyers(other, merchantKey, stream, sku);
    }

    /** A new buyer's order of one unit: its key and buyer id, and so its body, are fixed for every retry. */
    Order next() {
        return new Order(UUID.randomUUID().toString(), "buyer-" + NUMBERS.incrementAndGet());
    }

    Reply place(Order order) {
        return client.post(
                "/api/v1/orders",
                merchantKey,
                """
                {"liveStreamId":"%s","buyerId":"%s","lines":[{"sku":"%s","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"1 Main St","city":"Springfield","recipient":"%s"}}""".formatted(stream, order.buyer(), sku, order.buyer()),
                Map.of("Idempotency-Key", order.key()));
    }

    /** Sends the order again, with its key, until it is decided: a 503 says to retry after a moment. */
    Reply placeUntilDecided(Order order) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply reply = place(order);
        while ((!reply.answered() || reply.status() == 503) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = place(order);
        }
        return reply;
    }

    /** Sends these orders again, a few at once, each until it is decided; the answers by order. */
    Map<Order, Reply> placeAllUntilDecided(Collection<Order> orders, int concurrency) throws Exception {
        Map<Order, Reply> replies = new ConcurrentHashMap<>();
        Queue<Order> left = new ConcurrentLinkedQueue<>(orders);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    for (Order order = left.poll(); order != null; order = left.poll()) {
                        replies.put(order, placeUntilDecided(order));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return replies;
    }

    /**
     * New buyers order, a few at once, until the offer is sold out; returns how many were placed. Every answer must
     * be a placed order or sold-out.
     */
    int sellOut(int concurrency) throws Exception {
        AtomicBoolean soldOut = new AtomicBoolean();
        AtomicInteger placed = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    while (!soldOut.get()) {
                        Reply reply = placeUntilDecided(next());
                        if (reply.status() == 201) {
                            placed.incrementAndGet();
                        } else {
                            assertThat(reply.problemType()).as(reply.toString()).isEqualTo("sold-out");
                            soldOut.set(true);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return placed.get();
    }

    record Order(String key, String buyer) {}
}
