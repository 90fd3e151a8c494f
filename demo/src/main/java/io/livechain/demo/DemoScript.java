package io.livechain.demo;

import io.livechain.demo.Cast.Party;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The demo sale, step by step, every role played through the public API. */
final class DemoScript {

    static final String LIPSTICK = "LIP-RED";
    static final String SERUM = "SERUM-X";
    static final Map<String, BigDecimal> PRICES =
            Map.of(LIPSTICK, new BigDecimal("19.90"), SERUM, new BigDecimal("39.00"));

    private static final Logger log = LoggerFactory.getLogger(DemoSale.class);
    private static final List<String> STATUSES =
            List.of("PLACED", "PAID", "PACKED", "OUT_FOR_DELIVERY", "DELIVERED", "RETURNED", "CANCELLED", "EXPIRED");
    private static final Set<String> SETTLED = Set.of("DELIVERED", "RETURNED", "CANCELLED", "EXPIRED");

    private final DemoClient client;
    private final DemoSettings settings;
    private final String operatorKey;
    private final Instant started = Instant.now();
    // offers and stock grow with the crowd, so that both offers sell out at any size (as they do at 400 buyers)
    private final int lipstickOffered;
    private final int serumOffered;
    private final int northStock;
    private final int southStock;

    private final java.util.function.Consumer<WarRoomLink> onAir;

    DemoScript(
            DemoClient client,
            DemoSettings settings,
            String operatorKey,
            java.util.function.Consumer<WarRoomLink> onAir) {
        this.client = client;
        this.onAir = onAir;
        this.settings = settings;
        this.operatorKey = operatorKey;
        this.lipstickOffered = perFourHundredBuyers(200);
        this.serumOffered = perFourHundredBuyers(120);
        this.northStock = perFourHundredBuyers(150);
        this.southStock = perFourHundredBuyers(100);
    }

    private int perFourHundredBuyers(int units) {
        return Math.max(1, Math.round(units * settings.buyers() / 400f));
    }

    static void say(String message, Object... args) {
        log.info("demo ▸ " + message, args);
    }

    DemoSummary play() {
        Cast cast = register();
        defineProducts(cast);
        String stream = goLive(cast);
        ConcurrentMap<String, String> recipients = new ConcurrentHashMap<>();
        try (Fulfilment fulfilment = new Fulfilment(client, cast, recipients, settings.failedDeliveryPercent())) {
            fulfilment.start();
            Crowd.Tally tally = new Crowd(client, cast.merchant().apiKey(), stream, PRICES, recipients)
                    .shop(Crowd.plan(settings.buyers(), settings.unpaidPercent()), settings.concurrency());
            say(
                    "{} orders placed ({} reserved, {} backordered); refused: {} sold out, {} over the per-buyer limit",
                    tally.placed(),
                    tally.count("RESERVED"),
                    tally.count("BACKORDERED"),
                    tally.count("sold-out"),
                    tally.count("purchase-limit-exceeded"));
            say("{} orders paid, {} cancelled (the buyer changed their mind)", tally.paid(), tally.cancelled());
            endStream(cast, stream, tally);
            Instant deadline = Instant.now().plus(settings.timeout());
            List<Integer> batches = produce(cast, tally.unitsKept(SERUM, "BACKORDERED"), deadline);
            Settlement settlement = awaitSettled(cast, stream, tally.placed(), fulfilment, deadline);
            return summarize(cast, stream, tally, batches, fulfilment, settlement);
        }
    }

    /** Step 1: the operator registers everyone, and links both warehouses to the merchant they serve. */
    private Cast register() {
        Party merchant = register("merchants", "Glow Cosmetics", Map.of("name", "Glow Cosmetics"), List.of());
        Party factory = register("factories", "Serum Works", Map.of("name", "Serum Works"), List.of());
        List<Party> warehouses = List.of(warehouse("north"), warehouse("south"));
        warehouses.forEach(warehouse -> client.put(
                        "/api/v1/admin/warehouses/" + warehouse.id() + "/merchants/" + merchant.id(), operatorKey)
                .expect(200));
        List<Party> couriers = List.of(
                courier("Ada", List.of("north")),
                courier("Bo", List.of("north")),
                courier("Cy", List.of("south")),
                courier("Dee", List.of("north", "south")));
        say(
                "operator registered merchant {}, factory {}, warehouses north and south (linked to the merchant),"
                        + " couriers {}",
                merchant.name(),
                factory.name(),
                couriers.stream()
                        .map(courier -> courier.name() + " (" + String.join(", ", courier.zones()) + ")")
                        .collect(Collectors.joining(", ")));
        return new Cast(merchant, factory, warehouses, couriers);
    }

    private Party warehouse(String zone) {
        String name = zone + "-warehouse";
        return register("warehouses", name, Map.of("name", name, "zone", zone), List.of(zone));
    }

    private Party courier(String name, List<String> zones) {
        return register("couriers", name, Map.of("name", name, "zones", zones), zones);
    }

    private Party register(String kind, String name, Map<String, Object> body, List<String> zones) {
        JsonNode registered =
                client.post("/api/v1/admin/" + kind, operatorKey, body).expect(201);
        return new Party(
                registered.get("id").asString(), registered.get("apiKey").asString(), name, zones);
    }

    /** Step 2: two products; the lipstick is in stock, the serum is a pre-sale made to order. */
    private void defineProducts(Cast cast) {
        String merchantKey = cast.merchant().apiKey();
        client.post("/api/v1/products", merchantKey, product(LIPSTICK, "Lipstick Ruby Red", cast, 100, 72))
                .expect(201);
        client.post("/api/v1/products", merchantKey, product(SERUM, "Serum X", cast, 50, 48))
                .expect(201);
        receive(cast.warehouse("north"), cast, LIPSTICK, northStock, null);
        receive(cast.warehouse("south"), cast, LIPSTICK, southStock, null);
        say(
                "merchant defined {} ({} in stock: {} north, {} south) and {} (pre-sale: no stock, made in batches of 50)",
                LIPSTICK,
                northStock + southStock,
                northStock,
                southStock,
                SERUM);
    }

    private static Map<String, Object> product(String sku, String name, Cast cast, int batchSize, int leadTimeHours) {
        return Map.of(
                "sku", sku,
                "name", name,
                "factoryId", cast.factory().id(),
                "batchSize", batchSize,
                "leadTimeHours", leadTimeHours);
    }

    private void receive(Party warehouse, Cast cast, String sku, int quantity, String batchId) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("merchantId", cast.merchant().id());
        receipt.put("sku", sku);
        receipt.put("quantity", quantity);
        if (batchId != null) {
            receipt.put("batchId", batchId);
        }
        client.post("/api/v1/warehouse/receipts", warehouse.apiKey(), receipt).expect(201);
    }

    /** Step 3: the stream goes on air with its two offers. */
    private String goLive(Cast cast) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String title = "Friday Glow Live";
        String stream = client.post(
                        "/api/v1/live-streams",
                        cast.merchant().apiKey(),
                        Map.of(
                                "title", title,
                                "startsAt", now.toString(),
                                "endsAt", now.plus(1, ChronoUnit.HOURS).toString(),
                                "paymentWindowMinutes", 30,
                                "offers",
                                        List.of(
                                                offer(LIPSTICK, lipstickOffered, 2, false),
                                                offer(SERUM, serumOffered, 1, true))))
                .expect(201)
                .get("id")
                .asString();
        client.post("/api/v1/live-streams/" + stream + "/start", cast.merchant().apiKey(), Map.of())
                .expect(200);
        say(
                "live stream \"{}\" is on air: {} at {} ({} units, 2 per buyer), {} at {} ({} pre-sale units, 1 per buyer)",
                title,
                LIPSTICK,
                PRICES.get(LIPSTICK),
                lipstickOffered,
                SERUM,
                PRICES.get(SERUM),
                serumOffered);
        WarRoomLink warRoom = new WarRoomLink(
                client.baseUrl() + "/war-room/" + stream,
                stream,
                cast.merchant().apiKey());
        say("watch it in the war room: {} (log in with the merchant's key {})", warRoom.url(), warRoom.merchantKey());
        onAir.accept(warRoom);
        if (settings.warRoomWait().isPositive()) {
            say(
                    "the buyers start in {} s (livechain.demo.war-room-wait)…",
                    settings.warRoomWait().toSeconds());
            DemoClient.pause(settings.warRoomWait());
        }
        say("{} buyers are ordering, {} at a time…", settings.buyers(), settings.concurrency());
        return stream;
    }

    private static Map<String, Object> offer(String sku, int quantity, int perBuyerLimit, boolean allowBackorder) {
        return Map.of(
                "sku", sku,
                "price", PRICES.get(sku),
                "quantity", quantity,
                "perBuyerLimit", perBuyerLimit,
                "allowBackorder", allowBackorder);
    }

    /** Step 5: off air; the offers show what they admitted (read models catch up within moments). */
    private void endStream(Cast cast, String stream, Crowd.Tally tally) {
        client.post("/api/v1/live-streams/" + stream + "/end", cast.merchant().apiKey(), Map.of())
                .expect(200);
        Instant patience = Instant.now().plusSeconds(15);
        JsonNode view;
        do {
            view = client.getOnceVisible(
                    "/api/v1/live-streams/" + stream, cast.merchant().apiKey());
        } while (!admittedAsCounted(view, tally) && Instant.now().isBefore(patience) && rest());
        say("live stream ended: {}", String.join(", ", admitted(view)));
    }

    private static boolean admittedAsCounted(JsonNode view, Crowd.Tally tally) {
        for (JsonNode offer : view.get("offers")) {
            if (offer.get("admitted").asInt()
                    != tally.unitsKept(offer.get("sku").asString(), null)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> admitted(JsonNode view) {
        List<String> offers = new ArrayList<>();
        for (JsonNode offer : view.get("offers")) {
            offers.add("%s %d of %d admitted"
                    .formatted(
                            offer.get("sku").asString(),
                            offer.get("admitted").asInt(),
                            offer.get("quantity").asInt()));
        }
        return offers;
    }

    /**
     * Step 6: replenishment asks the factory for the backordered serum; the factory makes and ships it, the north
     * warehouse receives it, and the backorders are filled first-come-first-served. Repeats while units still wait.
     */
    private List<Integer> produce(Cast cast, int waiting, Instant deadline) {
        List<Integer> batches = new ArrayList<>();
        int outstanding = waiting;
        while (outstanding > 0) {
            JsonNode request = awaitProductionRequest(cast, outstanding, deadline);
            String batch = request.get("id").asString();
            int quantity = request.get("quantity").asInt();
            String path = "/api/v1/factory/batches/" + batch;
            String factoryKey = cast.factory().apiKey();
            Party north = cast.warehouse("north");
            client.post(
                            path + "/accept",
                            factoryKey,
                            Map.of(
                                    "committedQuantity",
                                    quantity,
                                    "expectedCompletionAt",
                                    Instant.now().plus(2, ChronoUnit.DAYS).toString()))
                    .expect(200);
            client.post(path + "/start", factoryKey, Map.of()).expect(200);
            client.post(
                            path + "/complete",
                            factoryKey,
                            Map.of("producedQuantity", quantity, "qcPassedQuantity", quantity))
                    .expect(200);
            client.post(path + "/ship", factoryKey, Map.of("warehouseId", north.id(), "quantity", quantity))
                    .expect(200);
            say(
                    "factory got a production request for {} × {} ({} units on backorder): accepted, produced, "
                            + "all passed QC, shipped to the north warehouse",
                    quantity,
                    SERUM,
                    outstanding);
            receive(north, cast, SERUM, quantity, batch);
            say("north warehouse received batch {}: backorders are filled first-come-first-served", batch);
            batches.add(quantity);
            outstanding -= quantity;
        }
        return batches;
    }

    /** The open request for the serum, once it covers the units waiting (or has stopped growing for a while). */
    private JsonNode awaitProductionRequest(Cast cast, int outstanding, Instant deadline) {
        String seen = null;
        Instant seenSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            JsonNode request = null;
            for (JsonNode each : client.get(
                            "/api/v1/factory/production-requests?status=REQUESTED",
                            cast.factory().apiKey())
                    .expect(200)) {
                if (each.get("sku").asString().equals(SERUM)) {
                    request = each;
                }
            }
            if (request != null) {
                String now = request.get("id").asString() + "×"
                        + request.get("quantity").asInt();
                if (!now.equals(seen)) {
                    seen = now;
                    seenSince = Instant.now();
                }
                if (request.get("quantity").asInt() >= outstanding
                        || seenSince.isBefore(Instant.now().minusSeconds(10))) {
                    return request;
                }
            }
            rest();
        }
        throw new DemoFailure("no production request for " + SERUM + " reached the factory within "
                + DemoSummary.human(settings.timeout()) + ", although " + outstanding + " units are on backorder");
    }

    /** The placed orders at the end: all settled, or the deadline passed first. */
    private record Settlement(List<JsonNode> orders, Map<String, Integer> statuses, boolean settled) {}

    /** Steps 7–9: warehouses and couriers are at work; wait until every placed order is settled. */
    private Settlement awaitSettled(Cast cast, String stream, long placed, Fulfilment fulfilment, Instant deadline) {
        Map<String, Integer> reported = Map.of();
        Instant reportedAt = Instant.EPOCH;
        while (true) {
            List<JsonNode> orders = orders(cast, stream);
            Map<String, Integer> statuses = byStatus(orders);
            boolean settled = orders.size() == placed
                    && orders.stream()
                            .allMatch(order ->
                                    SETTLED.contains(order.get("status").asString()));
            if (settled || Instant.now().isAfter(deadline)) {
                if (!settled) {
                    log.warn(
                            "demo ▸ gave up waiting after {} (livechain.demo.timeout): {} of {} orders visible, "
                                    + "not all settled: {}",
                            DemoSummary.human(settings.timeout()),
                            orders.size(),
                            placed,
                            DemoSummary.describe(statuses));
                }
                return new Settlement(orders, statuses, settled);
            }
            if (!statuses.equals(reported) && reportedAt.isBefore(Instant.now().minusSeconds(3))) {
                say(
                        "warehouses packed {}, couriers delivered {} and brought {} back; orders now: {}",
                        fulfilment.packed(),
                        fulfilment.delivered.get(),
                        fulfilment.returned.get(),
                        DemoSummary.describe(statuses));
                reported = statuses;
                reportedAt = Instant.now();
            }
            rest();
        }
    }

    /** Every order of the stream, page by page. */
    private List<JsonNode> orders(Cast cast, String stream) {
        List<JsonNode> orders = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/orders?liveStreamId=" + stream + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = client.get(path, cast.merchant().apiKey()).expect(200);
            page.get("items").forEach(orders::add);
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return orders;
    }

    private static Map<String, Integer> byStatus(List<JsonNode> orders) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String status : STATUSES) {
            int count = (int) orders.stream()
                    .filter(order -> order.get("status").asString().equals(status))
                    .count();
            if (count > 0) {
                statuses.put(status, count);
            }
        }
        return statuses;
    }

    /** Step 10: what happened, and whether anything was oversold. */
    private DemoSummary summarize(
            Cast cast,
            String stream,
            Crowd.Tally tally,
            List<Integer> batches,
            Fulfilment fulfilment,
            Settlement settlement) {
        String merchantKey = cast.merchant().apiKey();
        Oversold oversold = oversold(merchantKey, stream);
        List<JsonNode> delivered = settlement.orders().stream()
                .filter(order -> order.get("status").asString().equals("DELIVERED"))
                .toList();
        List<Duration> toDoor = delivered.stream()
                .map(order -> Duration.between(
                        Instant.parse(order.get("createdAt").asString()),
                        Instant.parse(order.get("updatedAt").asString())))
                .sorted()
                .toList();
        String story = delivered.stream()
                .sorted(Comparator.comparing(order ->
                        !order.get("lines").get(0).get("sku").asString().equals(SERUM)))
                .map(order -> order.get("id").asString())
                .findFirst()
                .orElse(null);
        return new DemoSummary(
                tally.placed(),
                tally.count("RESERVED"),
                tally.count("BACKORDERED"),
                tally.count("sold-out"),
                tally.count("purchase-limit-exceeded"),
                tally.paid(),
                tally.cancelled(),
                oversold.units(),
                oversold.checks(),
                batches.size(),
                batches.stream().mapToInt(Integer::intValue).sum(),
                fulfilment.delivered.get(),
                fulfilment.returned.get(),
                fulfilment.claimsLost.get(),
                toDoor.isEmpty() ? null : toDoor.get(toDoor.size() / 2),
                toDoor.isEmpty() ? null : toDoor.getLast(),
                settlement.statuses(),
                settlement.settled(),
                Duration.between(started, Instant.now()),
                stream,
                merchantKey,
                story,
                story == null
                        ? null
                        : "curl -s -H \"Authorization: Bearer %s\" %s/api/v1/orders/%s/timeline"
                                .formatted(merchantKey, client.baseUrl(), story));
    }

    private record Oversold(int units, List<String> checks) {}

    /**
     * Units admitted beyond an offer's quantity, plus units reserved beyond what a warehouse has on hand: both must
     * be 0.
     */
    private Oversold oversold(String merchantKey, String stream) {
        JsonNode view = client.getOnceVisible("/api/v1/live-streams/" + stream, merchantKey);
        List<String> checks = new ArrayList<>(admitted(view));
        int units = 0;
        for (JsonNode offer : view.get("offers")) {
            units += Math.max(
                    0, offer.get("admitted").asInt() - offer.get("quantity").asInt());
        }
        int overReserved = 0;
        for (String sku : List.of(LIPSTICK, SERUM)) {
            JsonNode stock = client.get("/api/v1/stock/" + sku, merchantKey).expect(200);
            for (JsonNode warehouse : stock.get("warehouses")) {
                int reserved = warehouse.get("reserved").asInt();
                int onHand = warehouse.get("onHand").asInt();
                if (reserved > onHand) {
                    overReserved += reserved - onHand;
                    checks.add("%s: %d reserved but %d on hand at %s"
                            .formatted(
                                    sku,
                                    reserved,
                                    onHand,
                                    warehouse.get("warehouseId").asString()));
                }
            }
        }
        if (overReserved == 0) {
            checks.add("reserved ≤ on hand in every warehouse");
        }
        return new Oversold(units + overReserved, checks);
    }

    /** A short pause between polls of eventually consistent read models; always true, to chain in conditions. */
    private static boolean rest() {
        DemoClient.pause(Duration.ofMillis(500));
        return true;
    }
}
