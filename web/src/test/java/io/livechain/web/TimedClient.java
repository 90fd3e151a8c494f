package io.livechain.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client for fault tests: every request has a deadline, and every outcome is kept, an answer or the failure
 * to get one, with when it was sent and answered.
 */
public final class TimedClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final Duration timeout;

    public TimedClient(int port, Duration timeout) {
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
    }

    public Reply get(String path, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), apiKey, Map.of());
    }

    public Reply post(String path, String apiKey, String json, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                apiKey,
                headers);
    }

    private Reply send(HttpRequest.Builder request, String apiKey, Map<String, String> headers) {
        request.timeout(timeout);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers(), null, sent, System.nanoTime());
        } catch (IOException e) {
            return new Reply(0, null, null, e, sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, null, new IOException("interrupted", e), sent, System.nanoTime());
        }
    }

    /**
     * What became of one request: its status, body and headers, or (status 0) why there was no answer.
     *
     * @param sentAt {@link System#nanoTime()} when it was sent
     * @param answeredAt {@link System#nanoTime()} when the answer (or the failure) came
     */
    public record Reply(
            int status, String body, HttpHeaders headers, IOException failure, long sentAt, long answeredAt) {

        public boolean answered() {
            return failure == null;
        }

        public boolean timedOut() {
            return failure instanceof HttpTimeoutException;
        }

        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem {@code type} without its base URI, or null if the answer is no problem. */
        public String problemType() {
            String contentType = header("Content-Type");
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return null;
            }
            String type = json().path("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        public Duration took() {
            return Duration.ofNanos(answeredAt - sentAt);
        }

        @Override
        public String toString() {
            return answered() ? status + " " + body + " (" + took().toMillis() + " ms)" : "no answer: " + failure;
        }
    }
}
