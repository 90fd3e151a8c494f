package io.livechain.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The order endpoint (LiveChain's contract), a setup endpoint for the benchmark, and a read of an offer. */
@RestController
class Api {

    private static final String PROBLEMS = "https://livechain.io/problems/";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Merchants merchants;
    private final Orders orders;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Api(Merchants merchants, Orders orders, JdbcTemplate jdbc, JsonMapper json) {
        this.merchants = merchants;
        this.orders = orders;
        this.jdbc = jdbc;
        this.json = json;
    }

    @PostMapping("/api/v1/orders")
    ResponseEntity<byte[]> place(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody byte[] body) {
        Optional<UUID> merchant = merchants.authenticate(authorization);
        if (merchant.isEmpty()) {
            return problem(401, "unauthenticated", "a valid API key is required");
        }
        if (key == null) {
            return problem(400, "idempotency-key-required", "POST /orders requires an Idempotency-Key header");
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return problem(400, "idempotency-key-invalid", "1 to 255 visible ASCII characters");
        }
        Orders.NewOrder order;
        try {
            order = json.readValue(body, Orders.NewOrder.class);
        } catch (JacksonException e) {
            return problem(400, "malformed-request", "the body is not a valid order");
        }
        String invalid = invalid(order);
        if (invalid != null) {
            return problem(400, "validation-failed", invalid);
        }
        return switch (orders.place(merchant.get(), key, Merchants.sha256(body), order)) {
            case Orders.Answer answer -> {
                var response = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
                if (answer.location() != null) {
                    response.header(HttpHeaders.LOCATION, answer.location());
                }
                if (answer.replayed()) {
                    response.header("Idempotent-Replayed", "true");
                }
                yield response.body(answer.body());
            }
            case Orders.Rejected no -> problem(no.status(), no.code(), no.detail());
        };
    }

    private static String invalid(Orders.NewOrder order) {
        if (order == null || order.liveStreamId() == null) {
            return "liveStreamId is required";
        }
        if (blankOrLonger(order.buyerId(), 64)) {
            return "buyerId: 1 to 64 characters";
        }
        if (order.lines() == null || order.lines().isEmpty() || order.lines().size() > 50) {
            return "lines: 1 to 50";
        }
        for (Orders.Line line : order.lines()) {
            if (line == null || blankOrLonger(line.sku(), 64) || line.quantity() < 1 || line.quantity() > 10_000) {
                return "each line needs a sku and a quantity of 1 to 10,000";
            }
        }
        var address = order.shippingAddress();
        if (address == null
                || blankOrLonger(address.zone(), 64)
                || blankOrLonger(address.line1(), 200)
                || blankOrLonger(address.city(), 100)
                || blankOrLonger(address.recipient(), 200)) {
            return "shippingAddress needs zone, line1, city and recipient";
        }
        return null;
    }

    private static boolean blankOrLonger(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }

    record NewStream(String sku, int quantity, int perBuyerLimit, Boolean live, Integer paymentWindowMinutes) {}

    /** Benchmark setup: a live stream of the caller's with one offer. */
    @PostMapping("/api/v1/bench/live-streams")
    ResponseEntity<?> createStream(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody NewStream body) {
        Optional<UUID> merchant = merchants.authenticate(authorization);
        if (merchant.isEmpty()) {
            return problem(401, "unauthenticated", "a valid API key is required");
        }
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO bl_live_stream (id, merchant_id, live, payment_window_minutes) VALUES (?, ?, ?, ?)",
                id,
                merchant.get(),
                body.live() == null || body.live(),
                body.paymentWindowMinutes() == null ? 30 : body.paymentWindowMinutes());
        jdbc.update(
                "INSERT INTO bl_offer (live_stream_id, sku, quantity, per_buyer_limit) VALUES (?, ?, ?, ?)",
                id,
                body.sku() == null ? "HOT" : body.sku(),
                body.quantity(),
                body.perBuyerLimit());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    /** The offers of a live stream: admitted (the counter) and the units of the orders actually stored. */
    @GetMapping("/api/v1/live-streams/{id}")
    ResponseEntity<?> stream(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @PathVariable UUID id) {
        Optional<UUID> merchant = merchants.authenticate(authorization);
        if (merchant.isEmpty()) {
            return problem(401, "unauthenticated", "a valid API key is required");
        }
        List<Map<String, Object>> offers = new ArrayList<>();
        jdbc.query(
                """
                SELECT o.sku, o.quantity, o.per_buyer_limit, o.admitted,
                       (SELECT coalesce(sum(l.quantity), 0) FROM bl_order_line l
                         WHERE l.live_stream_id = o.live_stream_id AND l.sku = o.sku) AS ordered,
                       (SELECT count(*) FROM bl_order_line l
                         WHERE l.live_stream_id = o.live_stream_id AND l.sku = o.sku) AS orders
                  FROM bl_offer o JOIN bl_live_stream s ON s.id = o.live_stream_id
                 WHERE o.live_stream_id = ? AND s.merchant_id = ?""",
                rs -> {
                    Map<String, Object> offer = new LinkedHashMap<>();
                    offer.put("sku", rs.getString("sku"));
                    offer.put("quantity", rs.getInt("quantity"));
                    offer.put("perBuyerLimit", rs.getInt("per_buyer_limit"));
                    offer.put("admitted", rs.getInt("admitted"));
                    offer.put("remaining", rs.getInt("quantity") - rs.getInt("admitted"));
                    offer.put("orderedUnits", rs.getLong("ordered"));
                    offer.put("orders", rs.getLong("orders"));
                    offers.add(offer);
                },
                id,
                merchant.get());
        if (offers.isEmpty()) {
            return problem(404, "not-found", "no such live stream");
        }
        return ResponseEntity.ok(Map.of("id", id, "offers", offers));
    }

    /** UP, with the durability settings of the database (they must read "on"). */
    @GetMapping("/api/v1/health")
    Map<String, String> health() {
        return Map.of(
                "status", "UP",
                "fsync", jdbc.queryForObject("SHOW fsync", String.class),
                "synchronous_commit", jdbc.queryForObject("SHOW synchronous_commit", String.class));
    }

    private ResponseEntity<byte[]> problem(int status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEMS + code);
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsBytes(problem));
    }
}
