package io.livechain.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public HTTP API as any client sees it. A POST carries an {@code Idempotency-Key} (unless it is safe to repeat
 * anyway), so a retry after a busy platform (503) or a failure (5xx) never does anything twice.
 */
final class DemoClient implements AutoCloseable {

    private static final int MAX_ATTEMPTS = 30;
    private static final int MAX_FAILURES = 3;
    private static final Set<String> RETRYABLE_CONFLICTS =
            Set.of("concurrent-modification", "idempotency-request-in-progress");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json;
    private final String baseUrl;

    DemoClient(JsonMapper json, String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** An answer: the status and the JSON body (an empty object when there is none). */
    record Reply(String request, int status, JsonNode body) {

        /** The problem {@code type} without its base URI, or "" if the answer is no problem. */
        String problem() {
            String type = body.path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }

        /** The body of an answer that must have this status; anything else stops the demo. */
        JsonNode expect(int expected) {
            if (status != expected) {
                throw new DemoFailure(request + " answered " + status + " (expected " + expected + "): " + body);
            }
            return body;
        }
    }

    Reply get(String path, String apiKey) {
        return send(
                "GET " + path,
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(),
                apiKey,
                null);
    }

    /**
     * A read of something just created: read models follow the events moments later, so a 404 is waited out (for up
     * to 30 s) before it counts.
     */
    JsonNode getOnceVisible(String path, String apiKey) {
        Instant patience = Instant.now().plusSeconds(30);
        Reply reply = get(path, apiKey);
        while (reply.status() == 404 && Instant.now().isBefore(patience)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reply = get(path, apiKey);
        }
        return reply.expect(200);
    }

    /** A POST with an {@code Idempotency-Key}: retried after a busy platform or a failure, it happens once. */
    Reply post(String path, String apiKey, Object body) {
        return post(path, apiKey, body, UUID.randomUUID().toString());
    }

    /**
     * A POST without an {@code Idempotency-Key}, for a request that is safe to repeat anyway and whose rejection is
     * an everyday answer (a claim another courier won).
     */
    Reply postWithoutKey(String path, String apiKey, Object body) {
        return post(path, apiKey, body, null);
    }

    /** A PUT, safe to repeat by its nature. */
    Reply put(String path, String apiKey) {
        return send(
                "PUT " + path,
                HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(HttpRequest.BodyPublishers.noBody()),
                apiKey,
                null);
    }

    private Reply post(String path, String apiKey, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return send("POST " + path, request, apiKey, idempotencyKey);
    }

    /** Retries while the platform is busy (503, or the same key still in progress), and a few times after a failure. */
    private Reply send(String what, HttpRequest.Builder request, String apiKey, String idempotencyKey) {
        request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + apiKey);
        int failures = 0;
        for (int attempt = 1; ; attempt++) {
            if (idempotencyKey != null) {
                request.setHeader("Idempotency-Key", idempotencyKey);
            }
            Reply reply = exchange(what, request);
            boolean busy =
                    reply.status() == 503 || reply.status() == 409 && RETRYABLE_CONFLICTS.contains(reply.problem());
            boolean failed = reply.status() == 0 || reply.status() >= 500 && reply.status() != 503;
            if (!busy && !failed || attempt == MAX_ATTEMPTS || failed && ++failures == MAX_FAILURES) {
                if (reply.status() == 0) {
                    throw new DemoFailure("cannot reach the platform for " + what + ": "
                            + reply.body().get("detail"));
                }
                return reply;
            }
            if ("concurrent-modification".equals(reply.problem()) && idempotencyKey != null) {
                // a rejection changed nothing, and its answer is recorded under the key: try again with a new one
                idempotencyKey = UUID.randomUUID().toString();
            }
            pause(Duration.ofMillis(Math.min(1000, 50L * attempt)));
        }
    }

    private Reply exchange(String what, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(what, response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            return new Reply(what, 0, json.createObjectNode().put("detail", String.valueOf(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted during " + what);
        }
    }

    /** The answer's JSON; an empty object when there is none, the text as {@code detail} when it is not JSON. */
    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JacksonException notJson) {
            return json.createObjectNode().put("detail", text);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("the demo was stopped");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
