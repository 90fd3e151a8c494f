package io.livechain.demo;

import io.livechain.demo.Cast.Party;
import io.livechain.demo.DemoClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The warehouses and couriers at work, each in a thread of its own: warehouses pack what their pick list shows;
 * couriers take offers in their zones, race each other for the claim, pick up and deliver with proof. At a chosen
 * few doors nobody is ever home: after three failed attempts the parcel goes back and the warehouse confirms it.
 */
final class Fulfilment implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoSale.class);
    private static final int ATTEMPTS_BEFORE_RETURN = 3;

    private final DemoClient client;
    private final Cast cast;
    private final Map<String, String> recipients;
    private final int failedDeliveryPercent;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    private final Set<String> packed = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> nobodyHome = new ConcurrentHashMap<>();
    private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();
    private final AtomicInteger deliveriesSeen = new AtomicInteger();
    final AtomicInteger delivered = new AtomicInteger();
    final AtomicInteger returned = new AtomicInteger();
    final AtomicInteger claimsLost = new AtomicInteger();

    Fulfilment(DemoClient client, Cast cast, Map<String, String> recipients, int failedDeliveryPercent) {
        this.client = client;
        this.cast = cast;
        this.recipients = recipients;
        this.failedDeliveryPercent = failedDeliveryPercent;
    }

    void start() {
        cast.warehouses().forEach(warehouse -> work("demo-" + warehouse.name(), () -> pack(warehouse)));
        cast.couriers().forEach(courier -> work("demo-" + courier.name(), () -> deliver(courier)));
    }

    int packed() {
        return packed.size();
    }

    /** Repeats a round of work until closed; rests a little after a round with nothing to do. */
    private void work(String name, BooleanSupplier round) {
        workers.add(Thread.ofPlatform().name(name).daemon(true).start(() -> {
            while (running && !Thread.currentThread().isInterrupted()) {
                try {
                    if (!round.getAsBoolean()) {
                        DemoClient.pause(Duration.ofMillis(200));
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        log.warn("demo ▸ {}: {}", name, e.getMessage());
                        DemoClient.pause(Duration.ofSeconds(1));
                    }
                }
            }
        }));
    }

    /** A warehouse packs every order on its pick list (paid, with all units held here). */
    private boolean pack(Party warehouse) {
        JsonNode pickList =
                client.get("/api/v1/warehouse/pick-list", warehouse.apiKey()).expect(200);
        boolean worked = false;
        for (JsonNode entry : pickList) {
            String orderId = entry.get("orderId").asString();
            if (running && packed.add(orderId)) {
                Reply reply = client.post(
                        "/api/v1/warehouse/orders/" + orderId + "/pack", warehouse.apiKey(), Map.of("parcels", 1));
                if (reply.status() != 200) {
                    packed.remove(orderId); // the pick list was behind; it will tell again
                }
                worked = true;
            }
        }
        return worked;
    }

    /**
     * A courier looks at the offers in its zones and goes for one of them; when another courier claimed it first
     * (409), it looks again.
     */
    private boolean deliver(Party courier) {
        JsonNode offers = client.get("/api/v1/courier/offers", courier.apiKey()).expect(200);
        if (offers.isEmpty() || !running) {
            return false;
        }
        JsonNode offer = offers.get(ThreadLocalRandom.current().nextInt(offers.size()));
        String delivery =
                "/api/v1/courier/deliveries/" + offer.get("deliveryId").asString();
        if (client.postWithoutKey(delivery + "/claim", courier.apiKey(), Map.of())
                        .status()
                != 200) {
            claimsLost.incrementAndGet(); // another courier was first (or the offer list was a moment behind)
            return false;
        }
        client.post(delivery + "/pickup", courier.apiKey(), Map.of()).expect(200);
        String orderId = offer.get("orderId").asString();
        if (nobodyHome(orderId)) {
            client.post(delivery + "/fail", courier.apiKey(), Map.of("reason", "nobody home"))
                    .expect(200);
            if (failedAttempts.merge(orderId, 1, Integer::sum) == ATTEMPTS_BEFORE_RETURN) {
                // the delivery is given up and the parcel goes back to the warehouse it came from
                Party warehouse =
                        cast.warehouseWithId(offer.get("pickupWarehouseId").asString());
                client.post("/api/v1/warehouse/orders/" + orderId + "/confirm-return", warehouse.apiKey(), Map.of())
                        .expect(200);
                returned.incrementAndGet();
            }
        } else {
            // at the door the buyer tells the code the merchant gave them with the order
            String code = buyersCode(orderId);
            Map<String, String> proof =
                    Map.of("recipientName", recipients.getOrDefault(orderId, "the buyer"), "code", code);
            client.post(delivery + "/deliver", courier.apiKey(), Map.of("proof", proof))
                    .expect(200);
            delivered.incrementAndGet();
        }
        return true;
    }

    /**
     * The buyer's delivery code, as the merchant shows it on the order (the order view follows the packing moments
     * later: a missing code is waited out).
     */
    private String buyersCode(String orderId) {
        for (int attempt = 0; attempt < 300; attempt++) {
            JsonNode delivery = client.get(
                            "/api/v1/orders/" + orderId, cast.merchant().apiKey())
                    .expect(200)
                    .path("delivery");
            if (delivery.hasNonNull("code")) {
                return delivery.get("code").asString();
            }
            DemoClient.pause(Duration.ofMillis(100));
        }
        throw new DemoFailure("the merchant's view of order " + orderId + " never showed the delivery code");
    }

    /** The same share of deliveries, spread evenly in the order couriers first see them, never finds anyone in. */
    private boolean nobodyHome(String orderId) {
        return nobodyHome.computeIfAbsent(
                orderId, id -> Crowd.evenlyChosen(deliveriesSeen.incrementAndGet(), failedDeliveryPercent));
    }

    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
