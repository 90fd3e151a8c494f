package io.livechain.web.hostile;

import io.livechain.access.Role;
import io.livechain.web.merchant.OrderIntake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API, who may call it, and one valid request for it that names our objects (see
 * {@link World}). The endpoints themselves come from Spring MVC's own mapping (plus the lean order intake, a filter);
 * an endpoint found there without an entry here fails the tests that use this catalogue, so a new endpoint cannot go
 * without its hostile corpus and its authorization rule.
 */
final class Endpoints {

    /** A request: the path (with its query) and the JSON body, or null for none. */
    record Request(String path, String body) {}

    /** One endpoint as Spring maps it: method and path template. */
    record Endpoint(String method, String template) implements Comparable<Endpoint> {

        @Override
        public String toString() {
            return method + " " + template;
        }

        @Override
        public int compareTo(Endpoint other) {
            return toString().compareTo(other.toString());
        }
    }

    /** A query parameter an endpoint declares, with its Java type. */
    record QueryParameter(String name, Class<?> type) {}

    /** What a discovered endpoint takes: a body or not, and which query parameters. */
    record Shape(boolean hasBody, List<QueryParameter> query) {}

    /**
     * @param role who may call it
     * @param ours a valid request naming our objects
     * @param absent the same request naming objects that do not exist; null when it names none of anybody's
     * @param listsOurs a list: another participant of the role must find none of ours in it
     */
    record Entry(
            Endpoint endpoint,
            Role role,
            Function<World, Request> ours,
            Function<World, Request> absent,
            boolean listsOurs,
            boolean self) {

        Entry(
                Endpoint endpoint,
                Role role,
                Function<World, Request> ours,
                Function<World, Request> absent,
                boolean listsOurs) {
            this(endpoint, role, ours, absent, listsOurs, false);
        }
    }

    private static final String NOWHERE = "00000000-0000-4000-8000-00000000dead";
    private static final String NO_SKU = "NO-SUCH-SKU";

    private Endpoints() {}

    /** The API's endpoints as the running application maps them. */
    static Map<Endpoint, Shape> discover(RequestMappingHandlerMapping mapping) {
        Map<Endpoint, Shape> found = new LinkedHashMap<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue; // API documentation and the error page: not the platform's API
                }
                for (var verb : info.getMethodsCondition().getMethods()) {
                    found.put(new Endpoint(verb.name(), path), shapeOf(method));
                }
            }
        });
        // the flash sale's hot path is a filter ahead of Spring MVC (ADR 0004)
        found.put(new Endpoint("POST", OrderIntake.PATH), new Shape(true, List.of()));
        return found;
    }

    private static Shape shapeOf(HandlerMethod method) {
        boolean body = false;
        List<QueryParameter> query = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            body |= parameter.hasParameterAnnotation(RequestBody.class);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                Class<?> type = parameter.getParameterType() == Optional.class
                        ? parameter.nested().getNestedParameterType()
                        : parameter.getParameterType();
                query.add(new QueryParameter(name, type));
            }
        }
        return new Shape(body, query);
    }

    /** Endpoints discovered without an entry, and entries for endpoints that no longer exist. */
    static List<String> mismatches(Map<Endpoint, Shape> discovered) {
        List<String> problems = new ArrayList<>();
        var catalogued = new TreeSet<Endpoint>();
        ALL.forEach(entry -> catalogued.add(entry.endpoint()));
        new TreeSet<>(discovered.keySet())
                .stream()
                        .filter(endpoint -> !catalogued.contains(endpoint))
                        .forEach(endpoint -> problems.add(endpoint + ": no entry in Endpoints.ALL"));
        catalogued.stream()
                .filter(endpoint -> !discovered.containsKey(endpoint))
                .forEach(endpoint -> problems.add(endpoint + ": in Endpoints.ALL but not mapped"));
        return problems;
    }

    static Entry entry(Endpoint endpoint) {
        return ALL.stream()
                .filter(entry -> entry.endpoint().equals(endpoint))
                .findFirst()
                .orElseThrow();
    }

    // ---- the catalogue ---------------------------------------------------------------------------------------

    static final List<Entry> ALL = List.of(
            // the operator
            creation("POST", "/api/v1/admin/merchants", Role.ADMIN, w -> "{\"name\":\"Acme\"}"),
            creation("POST", "/api/v1/admin/factories", Role.ADMIN, w -> "{\"name\":\"Plant\"}"),
            creation("POST", "/api/v1/admin/warehouses", Role.ADMIN, w -> "{\"name\":\"DC\",\"zone\":\"east\"}"),
            creation(
                    "POST",
                    "/api/v1/admin/couriers",
                    Role.ADMIN,
                    w -> "{\"name\":\"Kai\",\"zones\":[\"east\",\"west\"]}"),
            list("GET", "/api/v1/admin/participants", Role.ADMIN, w -> "/api/v1/admin/participants?kind=MERCHANT"),
            object(
                    "GET",
                    "/api/v1/admin/participants/{id}",
                    Role.ADMIN,
                    w -> w.merchant.id(),
                    id -> "/api/v1/admin/participants/" + id,
                    null),
            list("GET", "/api/v1/admin/set-aside-events", Role.ADMIN, w -> "/api/v1/admin/set-aside-events?limit=10"),
            object(
                    "POST",
                    "/api/v1/admin/set-aside-events/{eventId}/replay",
                    Role.ADMIN,
                    w -> NOWHERE, // nothing is set aside, nor may anything be
                    id -> "/api/v1/admin/set-aside-events/" + id + "/replay",
                    null),
            creation("POST", "/api/v1/admin/set-aside-events/replay", Role.ADMIN, null),
            list(
                    "GET",
                    "/api/v1/admin/warehouses/{warehouseId}/merchants",
                    Role.ADMIN,
                    w -> "/api/v1/admin/warehouses/" + w.warehouse.id() + "/merchants"),
            link("PUT"),
            link("DELETE"),
            object(
                    "GET",
                    "/api/v1/admin/participants/{participantId}/api-keys",
                    Role.ADMIN,
                    w -> w.merchant.id(),
                    id -> "/api/v1/admin/participants/" + id + "/api-keys",
                    null),
            object(
                    "POST",
                    "/api/v1/admin/participants/{participantId}/api-keys",
                    Role.ADMIN,
                    w -> w.spare.id(),
                    id -> "/api/v1/admin/participants/" + id + "/api-keys",
                    null), // the body is optional (the grace period has a default): nothing in it to break
            new Entry(
                    new Endpoint("GET", "/api/v1/admin/participants/{participantId}/api-keys/{keyId}"),
                    Role.ADMIN,
                    w -> new Request("/api/v1/admin/participants/" + w.spare.id() + "/api-keys/" + w.spareKeyId, null),
                    w -> new Request("/api/v1/admin/participants/" + w.spare.id() + "/api-keys/" + NOWHERE, null),
                    false),
            // a spare participant's key: one revoked by mistake would break nothing the tests rely on
            new Entry(
                    new Endpoint("POST", "/api/v1/admin/participants/{participantId}/api-keys/{keyId}/revoke"),
                    Role.ADMIN,
                    w -> new Request(
                            "/api/v1/admin/participants/" + w.spare.id() + "/api-keys/" + w.spareKeyId + "/revoke",
                            null),
                    w -> new Request(
                            "/api/v1/admin/participants/" + w.spare.id() + "/api-keys/" + NOWHERE + "/revoke", null),
                    false),
            // a participant's own key: every participant's role may, the operator's may not
            new Entry(
                    new Endpoint("GET", "/api/v1/me/api-key"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/me/api-key", null),
                    null,
                    false,
                    true),
            new Entry(
                    new Endpoint("POST", "/api/v1/me/api-key"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/me/api-key", null), // an optional body, as above
                    null,
                    false,
                    true),
            // a participant's webhooks: every participant's role may, on its own; another's subscription is absent
            new Entry(
                    new Endpoint("POST", "/api/v1/me/webhooks"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/me/webhooks", World.WEBHOOK),
                    null,
                    false,
                    true),
            new Entry(
                    new Endpoint("GET", "/api/v1/me/webhooks"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/me/webhooks", null),
                    null,
                    true,
                    true),
            webhook("GET", "", null),
            webhook("DELETE", "", null),
            webhook("POST", "/rotate-secret", null), // an optional body, as for keys
            webhook("GET", "/deliveries", null),
            webhook("POST", "/redeliver", w -> "{\"fromPosition\":0}"),
            // a participant's own notifications as Server-Sent Events: once, so that the answer ends
            new Entry(
                    new Endpoint("GET", "/api/v1/me/events"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/me/events?once=true", null),
                    null,
                    false,
                    true),
            // couriers
            list("GET", "/api/v1/courier/offers", Role.COURIER, w -> "/api/v1/courier/offers"),
            list("GET", "/api/v1/courier/deliveries", Role.COURIER, w -> "/api/v1/courier/deliveries"),
            object(
                    "POST",
                    "/api/v1/courier/deliveries/{id}/claim",
                    Role.COURIER,
                    w -> w.offeredDelivery,
                    id -> "/api/v1/courier/deliveries/" + id + "/claim",
                    null),
            object(
                    "POST",
                    "/api/v1/courier/deliveries/{id}/pickup",
                    Role.COURIER,
                    w -> w.pickedUpDelivery,
                    id -> "/api/v1/courier/deliveries/" + id + "/pickup",
                    null),
            object(
                    "POST",
                    "/api/v1/courier/deliveries/{id}/deliver",
                    Role.COURIER,
                    w -> w.pickedUpDelivery,
                    id -> "/api/v1/courier/deliveries/" + id + "/deliver",
                    w -> "{\"proof\":{\"recipientName\":\"Ann\",\"code\":\"4711\"}}"),
            object(
                    "POST",
                    "/api/v1/courier/deliveries/{id}/fail",
                    Role.COURIER,
                    w -> w.pickedUpDelivery,
                    id -> "/api/v1/courier/deliveries/" + id + "/fail",
                    w -> "{\"reason\":\"nobody home\"}"),
            // factories
            list("GET", "/api/v1/factory/forecasts", Role.FACTORY, w -> "/api/v1/factory/forecasts"),
            list(
                    "GET",
                    "/api/v1/factory/production-requests",
                    Role.FACTORY,
                    w -> "/api/v1/factory/production-requests?status=REQUESTED"),
            object(
                    "GET",
                    "/api/v1/factory/batches/{id}",
                    Role.FACTORY,
                    w -> w.batch,
                    id -> "/api/v1/factory/batches/" + id,
                    null),
            object(
                    "POST",
                    "/api/v1/factory/batches/{id}/accept",
                    Role.FACTORY,
                    w -> w.batch,
                    id -> "/api/v1/factory/batches/" + id + "/accept",
                    w -> "{\"committedQuantity\":10,\"expectedCompletionAt\":\"%s\"}".formatted(w.acceptBy)),
            object(
                    "POST",
                    "/api/v1/factory/batches/{id}/reject",
                    Role.FACTORY,
                    w -> w.batch,
                    id -> "/api/v1/factory/batches/" + id + "/reject",
                    w -> "{\"reason\":\"no capacity\"}"),
            object(
                    "POST",
                    "/api/v1/factory/batches/{id}/start",
                    Role.FACTORY,
                    w -> w.batch,
                    id -> "/api/v1/factory/batches/" + id + "/start",
                    null),
            object(
                    "POST",
                    "/api/v1/factory/batches/{id}/complete",
                    Role.FACTORY,
                    w -> w.batch,
                    id -> "/api/v1/factory/batches/" + id + "/complete",
                    w -> "{\"producedQuantity\":10,\"qcPassedQuantity\":10}"),
            object(
                    "POST",
                    "/api/v1/factory/batches/{id}/ship",
                    Role.FACTORY,
                    w -> w.batch,
                    id -> "/api/v1/factory/batches/" + id + "/ship",
                    w -> "{\"warehouseId\":\"%s\",\"quantity\":10}".formatted(w.warehouse.id())),
            // merchants
            new Entry(
                    new Endpoint("POST", "/api/v1/live-streams"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/live-streams", liveStream(w, World.SKU)),
                    w -> new Request("/api/v1/live-streams", liveStream(w, NO_SKU)),
                    false),
            object(
                    "POST",
                    "/api/v1/live-streams/{id}/start",
                    Role.MERCHANT,
                    w -> w.liveStream,
                    id -> "/api/v1/live-streams/" + id + "/start",
                    null),
            object(
                    "POST",
                    "/api/v1/live-streams/{id}/end",
                    Role.MERCHANT,
                    w -> w.liveStream,
                    id -> "/api/v1/live-streams/" + id + "/end",
                    null),
            // as of a moment (now): read from the events, not the read models, so its tenancy is checked here
            object(
                    "GET",
                    "/api/v1/live-streams/{id}",
                    Role.MERCHANT,
                    w -> w.liveStream,
                    id -> "/api/v1/live-streams/" + id + "?asOf=" + Instant.now(),
                    null),
            // the war room's figures: computed from the read models and the stream's own events
            object(
                    "GET",
                    "/api/v1/live-streams/{id}/war-room",
                    Role.MERCHANT,
                    w -> w.liveStream,
                    id -> "/api/v1/live-streams/" + id + "/war-room",
                    null),
            // as Server-Sent Events: once, so that the answer ends (a stream left open would never be read to its end)
            object(
                    "GET",
                    "/api/v1/live-streams/{id}/war-room/events",
                    Role.MERCHANT,
                    w -> w.liveStream,
                    id -> "/api/v1/live-streams/" + id + "/war-room/events?once=true",
                    null),
            new Entry(
                    new Endpoint("POST", OrderIntake.PATH),
                    Role.MERCHANT,
                    w -> new Request(OrderIntake.PATH, order(w.liveStream)),
                    w -> new Request(OrderIntake.PATH, order(NOWHERE)),
                    false),
            object(
                    "POST",
                    "/api/v1/orders/{id}/payments",
                    Role.MERCHANT,
                    w -> w.unpaidOrder,
                    id -> "/api/v1/orders/" + id + "/payments",
                    w -> "{\"amount\":10.00,\"reference\":\"psp-42\"}"),
            object(
                    "POST",
                    "/api/v1/orders/{id}/cancel",
                    Role.MERCHANT,
                    w -> w.unpaidOrder,
                    id -> "/api/v1/orders/" + id + "/cancel",
                    w -> "{\"reason\":\"changed my mind\"}"),
            object("GET", "/api/v1/orders/{id}", Role.MERCHANT, w -> w.unpaidOrder, id -> "/api/v1/orders/" + id, null),
            object(
                    "GET",
                    "/api/v1/orders/{id}/timeline",
                    Role.MERCHANT,
                    w -> w.unpaidOrder,
                    id -> "/api/v1/orders/" + id + "/timeline",
                    null),
            list(
                    "GET",
                    "/api/v1/orders",
                    Role.MERCHANT,
                    w -> "/api/v1/orders?liveStreamId=" + w.liveStream + "&status=PLACED&limit=10"),
            creation("POST", "/api/v1/products", Role.MERCHANT, w -> w.product("NEW-1")),
            list("GET", "/api/v1/products", Role.MERCHANT, w -> "/api/v1/products"),
            new Entry(
                    new Endpoint("GET", "/api/v1/products/{sku}"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/products/" + World.SKU, null),
                    w -> new Request("/api/v1/products/" + NO_SKU, null),
                    false),
            list(
                    "GET",
                    "/api/v1/production-requests",
                    Role.MERCHANT,
                    w -> "/api/v1/production-requests?status=REQUESTED"),
            object(
                    "GET",
                    "/api/v1/production-batches/{id}",
                    Role.MERCHANT,
                    w -> w.batch,
                    id -> "/api/v1/production-batches/" + id,
                    null),
            object(
                    "GET",
                    "/api/v1/production/batches/{id}/orders",
                    Role.MERCHANT,
                    w -> w.batch,
                    id -> "/api/v1/production/batches/" + id + "/orders",
                    null),
            new Entry(
                    new Endpoint("GET", "/api/v1/stock/{sku}"),
                    Role.MERCHANT,
                    w -> new Request("/api/v1/stock/" + World.SKU + "?asOf=" + Instant.now(), null),
                    w -> new Request("/api/v1/stock/" + NO_SKU + "?asOf=" + Instant.now(), null),
                    false),
            // warehouses
            list("GET", "/api/v1/warehouse/pick-list", Role.WAREHOUSE, w -> "/api/v1/warehouse/pick-list"),
            object(
                    "POST",
                    "/api/v1/warehouse/orders/{orderId}/pack",
                    Role.WAREHOUSE,
                    w -> w.paidOrder,
                    id -> "/api/v1/warehouse/orders/" + id + "/pack",
                    w -> "{\"parcels\":1}"),
            object(
                    "POST",
                    "/api/v1/warehouse/orders/{orderId}/confirm-return",
                    Role.WAREHOUSE,
                    w -> w.pickedUpOrder,
                    id -> "/api/v1/warehouse/orders/" + id + "/confirm-return",
                    null),
            new Entry(
                    new Endpoint("POST", "/api/v1/warehouse/receipts"),
                    Role.WAREHOUSE,
                    w -> new Request("/api/v1/warehouse/receipts", receipt(w.merchant.id())),
                    w -> new Request("/api/v1/warehouse/receipts", receipt(NOWHERE)),
                    false));

    /** An endpoint that names no object of anybody's; {@code body} may be null. */
    private static Entry creation(String method, String path, Role role, Function<World, String> body) {
        return new Entry(
                new Endpoint(method, path),
                role,
                w -> new Request(path, body == null ? null : body.apply(w)),
                null,
                false);
    }

    private static Entry list(String method, String template, Role role, Function<World, String> path) {
        return new Entry(new Endpoint(method, template), role, w -> new Request(path.apply(w), null), null, true);
    }

    /** Linking (or unlinking) our warehouse and our merchant; the absent one is a warehouse that does not exist. */
    private static Entry link(String method) {
        return new Entry(
                new Endpoint(method, "/api/v1/admin/warehouses/{warehouseId}/merchants/{merchantId}"),
                Role.ADMIN,
                w -> new Request(
                        "/api/v1/admin/warehouses/" + w.warehouse.id() + "/merchants/" + w.merchant.id(), null),
                w -> new Request("/api/v1/admin/warehouses/" + NOWHERE + "/merchants/" + w.merchant.id(), null),
                false);
    }

    /** An endpoint acting on one object of ours, named in its path; {@code body} may be null. */
    private static Entry object(
            String method,
            String template,
            Role role,
            Function<World, String> id,
            Function<String, String> path,
            Function<World, String> body) {
        return new Entry(
                new Endpoint(method, template),
                role,
                w -> new Request(path.apply(id.apply(w)), body == null ? null : body.apply(w)),
                w -> new Request(path.apply(NOWHERE), body == null ? null : body.apply(w)),
                false);
    }

    /** One of our merchant's webhook subscriptions, under {@code /api/v1/me}: another participant's is absent. */
    private static Entry webhook(String method, String tail, Function<World, String> body) {
        String query = tail.equals("/deliveries") ? "?limit=10" : "";
        return new Entry(
                new Endpoint(method, "/api/v1/me/webhooks/{id}" + tail),
                Role.MERCHANT,
                w -> new Request(
                        "/api/v1/me/webhooks/" + w.webhook + tail + query, body == null ? null : body.apply(w)),
                w -> new Request("/api/v1/me/webhooks/" + NOWHERE + tail + query, body == null ? null : body.apply(w)),
                false,
                true);
    }

    private static String liveStream(World w, String sku) {
        return """
                {"title":"Friday drop","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                 "offers":[{"sku":"%s","price":19.90,"quantity":300,"perBuyerLimit":2,"allowBackorder":false}]}""".formatted(World.now().plusSeconds(3600), World.now().plusSeconds(7200), sku);
    }

    private static String order(String liveStream) {
        return """
                {"liveStreamId":"%s","buyerId":"buyer-42","lines":[{"sku":"%s","quantity":1}],
                 "shippingAddress":{"zone":"north","line1":"2 Elm St","city":"Springfield","recipient":"Ann"}}""".formatted(liveStream, World.SKU);
    }

    private static String receipt(String merchantId) {
        return "{\"merchantId\":\"%s\",\"sku\":\"%s\",\"quantity\":5}".formatted(merchantId, World.SKU);
    }
}
