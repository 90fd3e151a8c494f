package io.livechain.demo;

import io.livechain.demo.DemoClient.Reply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The buyers watching the stream: each orders one product (a few greedy ones try a second time, over the purchase
 * limit), then pays — or, for a few, changes their mind and cancels. Their plan is drawn from a fixed seed, so every
 * demo run tells the same story.
 */
final class Crowd {

    private static final Logger log = LoggerFactory.getLogger(DemoSale.class);

    /** What a buyer means to do. */
    record Buyer(int number, String zone, String sku, int quantity, boolean pays, boolean greedy) {

        String name() {
            return "Buyer " + number;
        }
    }

    /** One order attempt and how it ended. */
    record Attempt(String sku, int quantity, String outcome, boolean paid) {

        boolean placed() {
            return outcome.equals("RESERVED") || outcome.equals("BACKORDERED");
        }
    }

    /** What the crowd did, counted. */
    record Tally(List<Attempt> attempts) {

        long placed() {
            return attempts.stream().filter(Attempt::placed).count();
        }

        long count(String outcome) {
            return attempts.stream()
                    .filter(attempt -> attempt.outcome().equals(outcome))
                    .count();
        }

        long paid() {
            return attempts.stream().filter(Attempt::paid).count();
        }

        long cancelled() {
            return placed() - paid();
        }

        /** Units of this SKU held by orders that were not cancelled. */
        int unitsKept(String sku, String outcome) {
            return attempts.stream()
                    .filter(attempt -> attempt.paid() && attempt.sku().equals(sku))
                    .filter(attempt -> outcome == null || attempt.outcome().equals(outcome))
                    .mapToInt(Attempt::quantity)
                    .sum();
        }

        long rejectedOther() {
            return attempts.size() - placed() - count("sold-out") - count("purchase-limit-exceeded");
        }
    }

    private final DemoClient client;
    private final String merchantKey;
    private final String liveStreamId;
    private final Map<String, BigDecimal> prices;
    private final ConcurrentMap<String, String> recipients;

    /** {@code recipients}: filled with each placed order's recipient, for the couriers' proof of delivery. */
    Crowd(
            DemoClient client,
            String merchantKey,
            String liveStreamId,
            Map<String, BigDecimal> prices,
            ConcurrentMap<String, String> recipients) {
        this.client = client;
        this.merchantKey = merchantKey;
        this.liveStreamId = liveStreamId;
        this.prices = prices;
        this.recipients = recipients;
    }

    /** The same buyers every run: 60% in the north; 55% want the lipstick, the rest the serum. */
    static List<Buyer> plan(int buyers, int unpaidPercent) {
        Random random = new Random(42);
        List<Buyer> plan = new ArrayList<>();
        for (int n = 1; n <= buyers; n++) {
            String zone = random.nextInt(100) < 60 ? "north" : "south";
            boolean lipstick = random.nextInt(100) < 55;
            int quantity = lipstick ? 1 + random.nextInt(2) : 1;
            boolean pays = !evenlyChosen(n, unpaidPercent);
            boolean greedy = lipstick && quantity == 2 && n % 10 == 0;
            plan.add(new Buyer(n, zone, lipstick ? DemoScript.LIPSTICK : DemoScript.SERUM, quantity, pays, greedy));
        }
        return plan;
    }

    /** Whether the n-th of a series is among {@code percent}% of them, spread evenly (n counts from 1). */
    static boolean evenlyChosen(int n, int percent) {
        return (long) n * percent / 100 > (long) (n - 1) * percent / 100;
    }

    /** Everyone orders at once, {@code concurrency} at a time. */
    Tally shop(List<Buyer> buyers, int concurrency) {
        List<Attempt> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<List<Attempt>>> done = new ArrayList<>();
            for (Buyer buyer : buyers) {
                done.add(pool.submit(() -> shop(buyer)));
            }
            for (Future<List<Attempt>> each : done) {
                attempts.addAll(each.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("the demo was stopped while buyers were ordering");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DemoFailure failure
                    ? failure
                    : new DemoFailure(e.getCause().toString());
        }
        return new Tally(attempts);
    }

    private List<Attempt> shop(Buyer buyer) {
        List<Attempt> attempts = new ArrayList<>();
        attempts.add(order(buyer, buyer.quantity(), buyer.pays()));
        if (buyer.greedy()) {
            attempts.add(order(buyer, 1, true)); // over the per-buyer limit: the platform must say no
        }
        return attempts;
    }

    private Attempt order(Buyer buyer, int quantity, boolean pays) {
        Reply placed = client.post(
                "/api/v1/orders",
                merchantKey,
                Map.of(
                        "liveStreamId",
                        liveStreamId,
                        "buyerId",
                        "buyer-" + buyer.number(),
                        "lines",
                        List.of(Map.of("sku", buyer.sku(), "quantity", quantity)),
                        "shippingAddress",
                        Map.of(
                                "zone",
                                buyer.zone(),
                                "line1",
                                buyer.number() + " Market Street",
                                "city",
                                buyer.zone().equals("north") ? "Northvale" : "Southport",
                                "recipient",
                                buyer.name())));
        if (placed.status() != 201) {
            if (placed.status() != 409) {
                log.warn(
                        "demo ▸ {}'s order was refused unexpectedly: {} {}",
                        buyer.name(),
                        placed.status(),
                        placed.body());
            }
            return new Attempt(buyer.sku(), quantity, placed.status() == 409 ? placed.problem() : "error", false);
        }
        JsonNode order = placed.body();
        String orderId = order.get("id").asString();
        recipients.put(orderId, buyer.name());
        boolean paid = pays && pay(orderId, buyer, quantity);
        if (!paid) {
            client.post(
                            "/api/v1/orders/" + orderId + "/cancel",
                            merchantKey,
                            Map.of("reason", "buyer changed their mind"))
                    .expect(200);
        }
        return new Attempt(buyer.sku(), quantity, order.get("stock").asString(), paid);
    }

    private boolean pay(String orderId, Buyer buyer, int quantity) {
        BigDecimal amount = prices.get(buyer.sku()).multiply(BigDecimal.valueOf(quantity));
        Reply payment = client.post(
                "/api/v1/orders/" + orderId + "/payments",
                merchantKey,
                Map.of("amount", amount, "reference", "card-" + buyer.number() + "-" + orderId.substring(0, 8)));
        if (payment.status() != 200) {
            log.warn("demo ▸ {}'s payment was refused: {} {}", buyer.name(), payment.status(), payment.body());
        }
        return payment.status() == 200;
    }
}
