package io.livechain.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to the running platform over real HTTP. */
public final class Api {

    public static final String OPERATOR_KEY = "lc_urW1cqPXPdkyvAHJJgNvx2LZ8alQH0Qn-Q7lhA3ZzpA";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The platform's address, for a request built by hand. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    public Response get(String path, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), apiKey, Map.of());
    }

    public Response post(String path, String apiKey, String json) {
        return post(path, apiKey, json, Map.of());
    }

    public Response post(String path, String apiKey, String json, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                apiKey,
                headers);
    }

    public Response send(HttpRequest.Builder request, String apiKey, Map<String, String> headers) {
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a participant as the operator and returns its id and API key. */
    public Registered register(String kind, String json) {
        Response response = post("/api/v1/admin/" + kind, OPERATOR_KEY, json);
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response.status() + " " + response.body());
        }
        return new Registered(
                response.json().get("id").asString(),
                response.json().get("apiKey").asString(),
                response.position());
    }

    /** The operator lets a warehouse serve a merchant (receive its stock). */
    public void link(Registered warehouse, Registered merchant) {
        Response response =
                put("/api/v1/admin/warehouses/" + warehouse.id() + "/merchants/" + merchant.id(), OPERATOR_KEY);
        if (response.status() != 200) {
            throw new IllegalStateException("linking failed: " + response.status() + " " + response.body());
        }
    }

    public Response put(String path, String apiKey) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.noBody()),
                apiKey,
                Map.of());
    }

    public Response delete(String path, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), apiKey, Map.of());
    }

    /**
     * The path with {@code minPosition}: read your writes, so that its answer reflects the change that named this
     * position ({@code LiveChain-Position}). No waiting in the test: the platform waits.
     */
    public static String at(String path, long position) {
        return path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
    }

    /** A registered participant, and the position its registration named. */
    public record Registered(String id, String apiKey, long position) {

        public Registered(String id, String apiKey) {
            this(id, apiKey, 0);
        }
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The position a change named ({@code LiveChain-Position}); fails if it named none. */
        public long position() {
            String position = header("LiveChain-Position");
            if (position == null) {
                throw new IllegalStateException("no LiveChain-Position: " + status() + " " + body());
            }
            return Long.parseLong(position);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The problem {@code type} without its base URI. */
        public String problemType() {
            String type = json().get("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }
}
