package io.livechain.web.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP receiver on the loopback interface, as a subscriber would run it: it checks each delivery's signature
 * with its own implementation of the Standard Webhooks scheme (not the platform's), answers 500 to the first {@code
 * failFirst} deliveries, and keeps what it accepted.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger failFirst;
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile String secret;

    /** One accepted delivery: its headers and its body. */
    record Delivery(String id, long timestamp, String signature, JsonNode body) {
        String type() {
            return body.get("type").asString();
        }

        JsonNode data() {
            return body.get("data");
        }
    }

    WebhookReceiver(int failFirst) throws IOException {
        this.failFirst = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** From now on, answers 500 to the next {@code deliveries} deliveries. */
    void failNext(int deliveries) {
        failFirst.set(deliveries);
    }

    List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    /** Deliveries refused for a bad signature (none, if the platform signs right). */
    List<String> badSignatures() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!"POST".equals(exchange.getRequestMethod()) || id == null || timestamp == null || signature == null) {
                refused.add("missing headers");
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (!signedWithSecret(id, timestamp, body, signature)) {
                refused.add(id + ": " + signature);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (failFirst.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            accepted.add(new Delivery(id, Long.parseLong(timestamp), signature, JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Standard Webhooks, written here from the specification: any one of the space-separated v1 signatures. */
    private boolean signedWithSecret(String id, String timestamp, byte[] body, String header) {
        String current = secret;
        if (current == null || !current.startsWith("whsec_")) {
            return false;
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(current.substring(6)), "HmacSHA256"));
            byte[] signed = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] expected = hmac.doFinal(signed);
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException broken) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
