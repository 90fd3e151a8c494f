package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.event.ParticipantRegistered;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-your-writes over HTTP (ADR 0010): a change names the position of its last event in {@code LiveChain-Position};
 * a read given that position reflects the change at once, with no waiting in the test; a read asking for a position
 * the read models have not reached is answered after the bounded wait, flagged {@code LiveChain-Stale}.
 */
class ReadYourWritesIT extends PlatformIT {

    private static final String POSITION = "LiveChain-Position";
    private static final String STALE = "LiveChain-Stale";

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_change_on_the_command_bus_is_read_at_its_position_at_once() {
        for (int i = 0; i < 10; i++) {
            // given a merchant just registered (the command bus), and the position its answer names
            var registered = api().post(
                            "/api/v1/admin/merchants",
                            Api.OPERATOR_KEY,
                            "{\"name\":\"Reader %d\"}".formatted(i),
                            Map.of("Idempotency-Key", "register-reader-" + i));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            long position = position(registered);
            String id = registered.json().get("id").asString();

            // when the operator reads it at once, at that position
            var read = api().get("/api/v1/admin/participants/" + id + "?minPosition=" + position, Api.OPERATOR_KEY);

            // then the read models hold it, and say they reflect that position
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().get("name").asString()).isEqualTo("Reader " + i);
            assertThat(position(read)).isGreaterThanOrEqualTo(position);
            assertThat(read.header(STALE)).isNull();
        }
    }

    @Test
    void an_order_decided_by_the_desk_is_read_at_its_position_at_once_and_a_replay_names_the_same() {
        // given a live stream on air with stock
        var merchant = api().register("merchants", "{\"name\":\"Desk reader\"}");
        var factory = api().register("factories", "{\"name\":\"Plant\"}");
        var warehouse = api().register("warehouses", "{\"name\":\"North DC\",\"zone\":\"north\"}");
        api().link(warehouse, merchant);
        created(api().post("/api/v1/products", merchant.apiKey(), """
                {"sku":"RYW-1","name":"Read your writes","factoryId":"%s","batchSize":10,"leadTimeHours":24}""".formatted(factory.id())));
        created(api().post(
                        "/api/v1/warehouse/receipts",
                        warehouse.apiKey(),
                        "{\"merchantId\":\"%s\",\"sku\":\"RYW-1\",\"quantity\":50}".formatted(merchant.id())));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stream = created(api().post("/api/v1/live-streams", merchant.apiKey(), """
                        {"title":"Now","startsAt":"%s","endsAt":"%s","paymentWindowMinutes":30,
                         "offers":[{"sku":"RYW-1","price":9.90,"quantity":20,"perBuyerLimit":5,"allowBackorder":false}]}""".formatted(
                                now, now.plus(1, ChronoUnit.HOURS))))
                .json()
                .get("id")
                .asString();
        var started = api().post("/api/v1/live-streams/" + stream + "/start", merchant.apiKey(), "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String order = """
                {"liveStreamId":"%s","buyerId":"ann","lines":[{"sku":"RYW-1","quantity":2}],
                 "shippingAddress":{"zone":"north","line1":"1 Main St","city":"Springfield","recipient":"Ann"}}""".formatted(stream);
        Map<String, String> key = Map.of("Idempotency-Key", "ryw-order-1");

        // when a buyer orders, and the merchant reads the order and the stream at the order's position
        var placed = created(api().post("/api/v1/orders", merchant.apiKey(), order, key));
        long position = position(placed);
        String orderId = placed.json().get("id").asString();
        var read = api().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders/" + orderId))
                                .GET(),
                        merchant.apiKey(),
                        Map.of("LiveChain-Min-Position", Long.toString(position)));
        var streamRead = api().get("/api/v1/live-streams/" + stream + "?minPosition=" + position, merchant.apiKey());

        // then both reflect the order
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("status").asString()).isEqualTo("PLACED");
        assertThat(read.header(STALE)).isNull();
        assertThat(streamRead.json().get("offers").get(0).get("admitted").asInt())
                .isEqualTo(2);
        assertThat(position(streamRead)).isGreaterThanOrEqualTo(position);

        // and a retry with the same key replays the answer with the same position
        var replayed = created(api().post("/api/v1/orders", merchant.apiKey(), order, key));
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(position(replayed)).isEqualTo(position);
    }

    @Test
    void a_replay_on_the_command_bus_names_the_first_answers_position() {
        // given a registration answered once
        var first = api().post(
                        "/api/v1/admin/factories",
                        Api.OPERATOR_KEY,
                        "{\"name\":\"Twice\"}",
                        Map.of("Idempotency-Key", "register-twice"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // when it is sent again after other changes
        api().register("merchants", "{\"name\":\"Meanwhile\"}");
        var again = api().post(
                        "/api/v1/admin/factories",
                        Api.OPERATOR_KEY,
                        "{\"name\":\"Twice\"}",
                        Map.of("Idempotency-Key", "register-twice"));
        // then the replay names the position of the first answer
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(position(again)).isEqualTo(position(first));
    }

    @Test
    void a_rejection_names_no_position() {
        var merchant = api().register("merchants", "{\"name\":\"Rejected\"}");
        var rejected = api().post(
                        "/api/v1/orders/" + UUID.randomUUID() + "/payments",
                        merchant.apiKey(),
                        "{\"amount\":1.00,\"reference\":\"none\"}");
        assertThat(rejected.status()).isEqualTo(404);
        assertThat(rejected.header(POSITION)).isNull();
    }

    @Test
    void a_position_the_read_models_have_not_reached_is_answered_after_the_wait_and_flagged_stale() {
        // given a merchant, and a position far beyond anything stored
        var merchant = api().register("merchants", "{\"name\":\"Patient\"}");
        long far = eventStore.createHeadToken().position().orElseThrow() + 1_000_000;

        // when it reads at that position
        var read = api().get("/api/v1/admin/participants/" + merchant.id() + "?minPosition=" + far, Api.OPERATOR_KEY);

        // then it gets what the read models hold, saying so
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header(STALE)).isEqualTo("true");
        assertThat(position(read)).isLessThan(far);
    }

    @Test
    void a_write_committed_behind_a_later_one_is_waited_for_at_its_own_position() throws Exception {
        // given a change that drew its position, and is still committing while a later change commits and is read
        ParticipantId late = ParticipantId.random();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = Thread.ofVirtual()
                .start(() -> transactions.executeWithoutResult(status -> {
                    eventStore.publish(new GenericDomainEventMessage<>(
                            "Participant",
                            late.toString(),
                            0,
                            new ParticipantRegistered(late, ParticipantKind.MERCHANT, "Late Ltd", List.of())));
                    appended.countDown();
                    await(release);
                }));
        await(appended);
        api().register("merchants", "{\"name\":\"Early Ltd\"}");
        ReadModels.awaitCaughtUp(eventStore, processing);

        // when the slow change commits, and its participant is read at once at its position (a gap the read models
        // skipped until now)
        release.countDown();
        slow.join();
        long position = jdbc.queryForObject(
                "SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                late.toString());
        var read = api().get("/api/v1/admin/participants/" + late + "?minPosition=" + position, Api.OPERATOR_KEY);

        // then the read waited for it
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Late Ltd");
        assertThat(read.header(STALE)).isNull();
    }

    @Test
    void every_read_names_the_position_its_read_models_reflect() {
        var merchant = api().register("merchants", "{\"name\":\"Plain reader\"}");
        var read = api().get("/api/v1/orders", merchant.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(position(read)).isNotNegative();
        assertThat(read.header(STALE)).isNull();
    }

    @Test
    void a_position_that_is_not_a_whole_number_is_refused_naming_it() {
        var merchant = api().register("merchants", "{\"name\":\"Careless reader\"}");
        var badParameter = api().get("/api/v1/orders?minPosition=soon", merchant.apiKey());
        var badHeader = api().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders"))
                                .GET(),
                        merchant.apiKey(),
                        Map.of("LiveChain-Min-Position", "-1"));
        assertThat(badParameter.status()).isEqualTo(400);
        assertThat(badParameter.problemType()).isEqualTo("validation-failed");
        assertThat(badParameter.json().get("errors").get(0).get("field").asString())
                .isEqualTo("minPosition");
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.json().get("errors").get(0).get("field").asString())
                .isEqualTo("LiveChain-Min-Position");
    }

    private static long position(Api.Response response) {
        String position = response.header(POSITION);
        assertThat(position).as("LiveChain-Position of %s", response.body()).isNotNull();
        return Long.parseLong(position);
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
