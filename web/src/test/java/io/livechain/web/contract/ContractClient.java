package io.livechain.web.contract;

import io.livechain.web.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Talks to the platform like a client would, and has the contract check every exchange. */
final class ContractClient {

    private final Api api;
    private final int port;
    private final Contract contract;
    private final boolean validRequests;

    ContractClient(Api api, int port, Contract contract) {
        this(api, port, contract, true);
    }

    private ContractClient(Api api, int port, Contract contract, boolean validRequests) {
        this.api = api;
        this.port = port;
        this.contract = contract;
        this.validRequests = validRequests;
    }

    /** The same client for requests that are wrong on purpose: only their answers are checked. */
    ContractClient wrong() {
        return new ContractClient(api, port, contract, false);
    }

    Api.Response get(String path, String apiKey) {
        return send("GET", path, apiKey, null, Map.of());
    }

    Api.Response get(String path, String apiKey, Map<String, String> headers) {
        return send("GET", path, apiKey, null, headers);
    }

    /** A POST without a body, for the steps that take none. */
    Api.Response post(String path, String apiKey) {
        return send("POST", path, apiKey, null, Map.of());
    }

    Api.Response post(String path, String apiKey, String json) {
        return send("POST", path, apiKey, json, Map.of());
    }

    Api.Response post(String path, String apiKey, String json, Map<String, String> headers) {
        return send("POST", path, apiKey, json, headers);
    }

    Api.Response send(String method, String path, String apiKey, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(extra);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Api.Response response = api.send(request, apiKey, headers);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (apiKey != null) {
            sent.put("Authorization", "Bearer " + apiKey);
        }
        contract.check(method, path, sent, body, validRequests, response);
        return response;
    }
}
