package io.livechain.web.warroom;

import static io.livechain.web.warroom.WarRoomScenario.LIPSTICK;
import static io.livechain.web.warroom.WarRoomScenario.SERUM;
import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.web.Api;
import io.livechain.web.EventStreamClient;
import io.livechain.web.PlatformIT;
import io.livechain.web.ReadModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The war room over real HTTP: its figures follow a running sale, pushed once a second as Server-Sent Events to a
 * real client; they are the merchant's alone; and one API key holds only so many streams open.
 */
@TestPropertySource(properties = "livechain.event-streams.max-per-key=2")
class WarRoomIT extends PlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration A_WHILE = Duration.ofSeconds(20);

    @Test
    void the_figures_follow_a_running_sale_second_by_second() {
        // given a stream on air, followed in its war room; another merchant's order naming our stream is not ours
        WarRoomScenario sale = scenario();
        Api.Registered rival = api().register("merchants", "{\"name\":\"Rival\"}");
        try (EventStreamClient room = EventStreamClient.open(port, sale.events(), sale.merchant.apiKey(), Map.of())) {
            assertThat(room.status()).isEqualTo(200);
            assertThat(room.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            JsonNode first = figures(room.until(event -> true, A_WHILE));
            assertThat(offer(first, LIPSTICK).path("admitted").asInt()).isZero();
            assertThat(sale.order(rival.apiKey(), sale.liveStream, LIPSTICK, "sneaky")
                            .status())
                    .isEqualTo(422);
            // (a second sample after that answer: the intake counts an answer just after sending it)
            Instant asked = Instant.now();
            room.until(event -> computedAt(figures(event)).isAfter(asked), A_WHILE);
            JsonNode afterTheRival = figures(room.until(event -> true, A_WHILE));
            assertThat(seconds(afterTheRival))
                    .allSatisfy(second ->
                            assertThat(second.path("refused").asDouble()).isZero());

            // when buyers order: the lipstick sells out (five of them get one; two more are refused), three serums
            // are backordered
            for (int buyer = 1; buyer <= 7; buyer++) {
                sale.order(LIPSTICK, "buyer-" + buyer);
            }
            for (int buyer = 1; buyer <= 3; buyer++) {
                assertThat(sale.order(SERUM, "fan-" + buyer).status()).isEqualTo(201);
            }
            ReadModels.awaitQuiet(context);
            Instant settled = Instant.now();

            // then the next figures computed after that show them, as the API's own views do
            JsonNode now =
                    figures(room.until(event -> computedAt(figures(event)).isAfter(settled), A_WHILE));
            JsonNode lipstick = offer(now, LIPSTICK);
            assertThat(lipstick.path("admitted").asInt()).isEqualTo(5);
            assertThat(lipstick.path("reserved").asInt()).isEqualTo(5);
            assertThat(lipstick.path("remaining").asInt()).isZero();
            Instant soldOut = Instant.parse(lipstick.path("soldOutAt").asString());
            assertThat(soldOut).isAfter(computedAt(first)).isBefore(settled);
            JsonNode serum = offer(now, SERUM);
            assertThat(serum.path("backordered").asInt()).isEqualTo(3);
            assertThat(serum.has("soldOutAt")).isFalse();
            assertThat(now.path("orders").path("placed").asInt()).isEqualTo(8);
            // the replenishment asked the factory for a batch, which will fill the backorders
            JsonNode backorders = now.path("backorders");
            assertThat(backorders.size()).isEqualTo(1);
            assertThat(backorders.get(0).path("sku").asString()).isEqualTo(SERUM);
            assertThat(backorders.get(0).path("waiting").asInt()).isEqualTo(3);
            assertThat(backorders.get(0).path("batches").get(0).path("status").asString())
                    .isEqualTo("REQUESTED");
            // the intake's seconds: placed and refused (sold out) answers, with their answer times
            List<JsonNode> seconds = seconds(now);
            assertThat(seconds).anySatisfy(second -> {
                assertThat(second.path("placed").asDouble()).isPositive();
                assertThat(second.path("p50Ms").asDouble()).isPositive();
                assertThat(second.path("p99Ms").asDouble())
                        .isGreaterThanOrEqualTo(second.path("p50Ms").asDouble());
            });
            assertThat(seconds.stream().filter(second -> second.path("refused").asDouble() > 0))
                    .isNotEmpty();
            // and the same figures answer once, as JSON
            var once = api().get(sale.figures(), sale.merchant.apiKey());
            assertThat(once.status()).isEqualTo(200);
            assertThat(offer(once.json(), LIPSTICK).path("admitted").asInt()).isEqualTo(5);
        }
    }

    @Test
    void a_war_room_is_its_merchants_alone() {
        // given a stream on air, and another merchant
        WarRoomScenario sale = scenario();
        Api.Registered rival = api().register("merchants", "{\"name\":\"Rival\"}");
        String nowhere = "/api/v1/live-streams/00000000-0000-4000-8000-00000000dead/war-room";

        // then the page is open (it holds no figures), its figures need the merchant's key, and to anybody else
        // the stream does not exist
        var page = api().get(sale.page(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.body()).contains("data-stream-id=\"" + sale.liveStream + "\"");
        assertThat(api().get(sale.figures(), null).status()).isEqualTo(401);
        assertThat(api().get(sale.figures(), sale.warehouse.apiKey()).status()).isEqualTo(403);
        var theirs = api().get(sale.figures(), rival.apiKey());
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.problemType()).isEqualTo("not-found");
        assertThat(api().get(nowhere, sale.merchant.apiKey()).status()).isEqualTo(404);
        try (EventStreamClient stream = EventStreamClient.open(port, sale.events(), rival.apiKey(), Map.of())) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.body()).contains("not-found");
        }
        // and the chart library comes from the platform itself
        assertThat(api().get("/webjars/chart.js/dist/chart.umd.min.js", null).status())
                .isEqualTo(200);
        assertThat(api().get("/assets/war-room.js", null).status()).isEqualTo(200);
    }

    @Test
    void once_answers_the_current_figures_and_ends_the_stream() {
        // given a stream on air
        WarRoomScenario sale = scenario();

        // when it is followed once
        try (EventStreamClient stream =
                EventStreamClient.open(port, sale.events() + "?once=true", sale.merchant.apiKey(), Map.of())) {

            // then it answers one figures event and ends
            List<EventStreamClient.Event> events = stream.rest(A_WHILE);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).name()).isEqualTo("figures");
            assertThat(figures(events.get(0)).path("liveStreamId").asString()).isEqualTo(sale.liveStream);
        }
        var invalid = api().get(sale.events() + "?once=maybe", sale.merchant.apiKey());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asString())
                .isEqualTo("once");
    }

    @Test
    void an_api_key_holds_only_so_many_streams_open() {
        // given a merchant's key with two streams open (livechain.event-streams.max-per-key=2)
        WarRoomScenario sale = scenario();
        String key = sale.merchant.apiKey();
        List<EventStreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                EventStreamClient stream = EventStreamClient.open(port, sale.events(), key, Map.of());
                assertThat(stream.status()).isEqualTo(200);
                stream.until(event -> true, A_WHILE);
                open.add(stream);
            }

            // when it opens a third
            try (EventStreamClient third = EventStreamClient.open(port, sale.events(), key, Map.of())) {

                // then it is refused, and told when to try again
                assertThat(third.status()).isEqualTo(429);
                assertThat(third.header("Retry-After")).isPresent();
                assertThat(third.body()).contains("too-many-streams");
            }

            // and once one of the two is closed, the platform notices at its next push and frees its place
            open.remove(0).close();
            org.awaitility.Awaitility.await()
                    .atMost(A_WHILE)
                    .until(() -> api().get(sale.events() + "?once=true", key).status() == 200);
        } finally {
            open.forEach(EventStreamClient::close);
        }
    }

    /** A stream on air, once the read models know it. */
    private WarRoomScenario scenario() {
        WarRoomScenario sale = new WarRoomScenario(api(), 5);
        ReadModels.awaitCaughtUp(context);
        return sale;
    }

    private static JsonNode figures(EventStreamClient.Event event) {
        assertThat(event.name()).isEqualTo("figures");
        return JSON.readTree(event.data());
    }

    private static JsonNode offer(JsonNode figures, String sku) {
        for (JsonNode offer : figures.path("offers")) {
            if (offer.path("sku").asString().equals(sku)) {
                return offer;
            }
        }
        throw new AssertionError("no offer " + sku + " in " + figures);
    }

    private static Instant computedAt(JsonNode figures) {
        return Instant.parse(figures.path("computedAt").asString());
    }

    private static List<JsonNode> seconds(JsonNode figures) {
        return StreamSupport.stream(figures.path("intake").path("seconds").spliterator(), false)
                .toList();
    }
}
