package io.livechain.baseline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places an order the obvious way, in one transaction: look up the idempotency key (replay if found), lock each
 * offer row ({@code SELECT ... FOR UPDATE}, in SKU order), check live, quantity cap and per-buyer limit, insert the
 * order, its lines and the idempotency record (with the exact response bytes), add to the offers' admitted
 * counts, commit. A rejection is rolled back and not recorded: deciding it again on a retry is harmless.
 */
@Component
class Orders {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    Orders(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    record Line(String sku, int quantity) {}

    record Address(String zone, String line1, String city, String recipient) {}

    record NewOrder(UUID liveStreamId, String buyerId, List<Line> lines, Address shippingAddress) {}

    record Placed(UUID id, String status, String stock, Instant paymentDueAt) {}

    sealed interface Outcome {}

    /** Committed now, or replayed from the idempotency record: the exact bytes of the first answer. */
    record Answer(int status, String location, byte[] body, boolean replayed) implements Outcome {}

    record Rejected(int status, String code, String detail) implements Outcome {}

    private record Offer(int quantity, int perBuyerLimit, int admitted, boolean live, int paymentWindowMinutes) {}

    Outcome place(UUID merchantId, String key, byte[] fingerprint, NewOrder order) {
        try {
            return transactions.execute(tx -> decide(tx, merchantId, key, fingerprint, order));
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key committed first: answer as it did
            return transactions.execute(tx -> decide(tx, merchantId, key, fingerprint, order));
        }
    }

    private Outcome decide(TransactionStatus tx, UUID merchantId, String key, byte[] fingerprint, NewOrder order) {
        Outcome earlier = jdbc.query(
                "SELECT request_hash, status, location, body FROM bl_idempotency WHERE merchant_id = ? AND key = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    if (!Arrays.equals(rs.getBytes("request_hash"), fingerprint)) {
                        return new Rejected(
                                422,
                                "idempotency-key-reused",
                                "this Idempotency-Key was already used for a different request");
                    }
                    return new Answer(rs.getInt("status"), rs.getString("location"), rs.getBytes("body"), true);
                },
                merchantId,
                key);
        if (earlier != null) {
            return earlier;
        }

        Map<String, Integer> units = new TreeMap<>(); // SKU order: two orders lock their offers in the same order
        for (Line line : order.lines()) {
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        int paymentWindowMinutes = Integer.MAX_VALUE;
        for (Map.Entry<String, Integer> wanted : units.entrySet()) {
            Offer offer = jdbc.query(
                    """
                    SELECT o.quantity, o.per_buyer_limit, o.admitted, s.live, s.payment_window_minutes
                      FROM bl_offer o JOIN bl_live_stream s ON s.id = o.live_stream_id
                     WHERE o.live_stream_id = ? AND o.sku = ? AND s.merchant_id = ?
                       FOR UPDATE OF o""",
                    rs -> rs.next()
                            ? new Offer(
                                    rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5))
                            : null,
                    order.liveStreamId(),
                    wanted.getKey(),
                    merchantId);
            Rejected no = null;
            if (offer == null) {
                no = new Rejected(404, "not-found", "no offer of " + wanted.getKey() + " in this live stream");
            } else if (!offer.live()) {
                no = new Rejected(409, "live-stream-not-live", "the live stream is not live");
            } else if (offer.admitted() + wanted.getValue() > offer.quantity()) {
                no = new Rejected(409, "sold-out", wanted.getKey() + " is sold out");
            } else {
                Integer held = jdbc.queryForObject(
                        """
                        SELECT coalesce(sum(quantity), 0) FROM bl_order_line
                         WHERE live_stream_id = ? AND sku = ? AND buyer_id = ?""",
                        Integer.class,
                        order.liveStreamId(),
                        wanted.getKey(),
                        order.buyerId());
                if (held + wanted.getValue() > offer.perBuyerLimit()) {
                    no = new Rejected(
                            409,
                            "purchase-limit-exceeded",
                            "at most " + offer.perBuyerLimit() + " of " + wanted.getKey() + " per buyer");
                }
            }
            if (no != null) {
                tx.setRollbackOnly();
                return no;
            }
            paymentWindowMinutes = Math.min(paymentWindowMinutes, offer.paymentWindowMinutes());
        }

        UUID orderId = UUID.randomUUID();
        Instant now = Instant.now();
        var address = order.shippingAddress();
        jdbc.update(
                """
                INSERT INTO bl_order (id, merchant_id, live_stream_id, buyer_id, status, zone, line1, city, recipient,
                                      placed_at)
                VALUES (?, ?, ?, ?, 'PLACED', ?, ?, ?, ?, ?)""",
                orderId,
                merchantId,
                order.liveStreamId(),
                order.buyerId(),
                address.zone(),
                address.line1(),
                address.city(),
                address.recipient(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        for (Map.Entry<String, Integer> line : units.entrySet()) {
            jdbc.update(
                    "INSERT INTO bl_order_line (order_id, live_stream_id, sku, buyer_id, quantity) VALUES (?, ?, ?, ?, ?)",
                    orderId,
                    order.liveStreamId(),
                    line.getKey(),
                    order.buyerId(),
                    line.getValue());
            jdbc.update(
                    "UPDATE bl_offer SET admitted = admitted + ? WHERE live_stream_id = ? AND sku = ?",
                    line.getValue(),
                    order.liveStreamId(),
                    line.getKey());
        }
        String location = "/api/v1/orders/" + orderId;
        byte[] body = json.writeValueAsBytes(new Placed(
                orderId, "PLACED", "RESERVED", now.plusSeconds(60L * paymentWindowMinutes)));
        jdbc.update(
                "INSERT INTO bl_idempotency (merchant_id, key, request_hash, status, location, body) VALUES (?, ?, ?, 201, ?, ?)",
                merchantId,
                key,
                fingerprint,
                location,
                body);
        return new Answer(201, location, body, false);
    }
}
