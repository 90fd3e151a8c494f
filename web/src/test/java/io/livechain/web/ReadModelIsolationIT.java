package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.event.ParticipantRegistered;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One event the read models cannot take (here a name with U+0000, which PostgreSQL text refuses, stored as if an
 * older version had let it through) must not stall the read models of everyone else: it is set aside with its
 * reason, and the processor moves on.
 */
class ReadModelIsolationIT extends PlatformIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String owner;

    @Value("${spring.datasource.password:}")
    String ownerPassword;

    @Test
    void a_poisoned_event_is_set_aside_and_every_other_view_stays_current() {
        // given an event in the store that no read model can hold
        ParticipantId poisoned = ParticipantId.random();
        GenericDomainEventMessage<ParticipantRegistered> poison = new GenericDomainEventMessage<>(
                "Participant",
                poisoned.toString(),
                0,
                new ParticipantRegistered(poisoned, ParticipantKind.MERCHANT, "Acme\u0000", List.of()));
        transactions.executeWithoutResult(status -> eventStore.publish(poison));
        // when another merchant registers after it
        var other = api().register("merchants", "{\"name\":\"Bystander\"}");
        // then the other merchant's view is there (read at its registration's position: the read models went past the
        // poisoned event), and the poisoned event was set aside with its reason
        assertThat(api().get(Api.at("/api/v1/admin/participants/" + other.id(), other.position()), Api.OPERATOR_KEY)
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForList(
                        "SELECT error FROM processing.set_aside_event WHERE event_identifier = ?",
                        String.class,
                        poison.getIdentifier()))
                .singleElement()
                .asString()
                .isNotBlank();
        assertThat(api().get("/api/v1/admin/participants/" + poisoned, Api.OPERATOR_KEY)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_operator_lists_a_set_aside_event_and_replays_it_once_the_cause_is_fixed() {
        // given a read model that refuses one merchant's name (as a projection bug would), and that merchant
        asOwner("ALTER TABLE read_model.participant ADD CONSTRAINT refuses_one_name CHECK (name <> 'Refused Ltd')");
        Api.Registered refused;
        try {
            refused = api().register("merchants", "{\"name\":\"Refused Ltd\"}");
            ReadModels.awaitCaughtUp(eventStore, processing);
        } finally {
            // when the cause is fixed
            asOwner("ALTER TABLE read_model.participant DROP CONSTRAINT refuses_one_name");
        }
        var listed = api().get("/api/v1/admin/set-aside-events", Api.OPERATOR_KEY);
        String eventId = null;
        for (var event : listed.json()) {
            if (refused.id().equals(event.get("aggregateIdentifier").asString())) {
                eventId = event.get("eventIdentifier").asString();
                assertThat(event.get("error").asString()).contains("refuses_one_name");
            }
        }
        assertThat(eventId).as("the refused registration is listed").isNotNull();
        assertThat(api().get("/api/v1/admin/participants/" + refused.id(), Api.OPERATOR_KEY)
                        .status())
                .isEqualTo(404);
        // and the operator replays it
        var replayed = api().post("/api/v1/admin/set-aside-events/" + eventId + "/replay", Api.OPERATOR_KEY, "");
        // then the read model took it, and it left the list
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get(0).get("replayed").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/admin/participants/" + refused.id(), Api.OPERATOR_KEY)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Refused Ltd");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processing.set_aside_event WHERE event_identifier = ?",
                        Long.class,
                        eventId))
                .isZero();
        assertThat(api().post("/api/v1/admin/set-aside-events/" + eventId + "/replay", Api.OPERATOR_KEY, "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_replay_that_fails_again_keeps_the_event_set_aside_with_the_new_reason() {
        // given a read model that refuses a name, and an event set aside for it
        asOwner("ALTER TABLE read_model.participant ADD CONSTRAINT refuses_another CHECK (name <> 'Still Ltd')");
        try {
            var still = api().register("merchants", "{\"name\":\"Still Ltd\"}");
            ReadModels.awaitCaughtUp(eventStore, processing);
            String eventId = jdbc.queryForObject(
                    "SELECT event_identifier FROM processing.set_aside_event WHERE aggregate_identifier = ?",
                    String.class,
                    still.id());
            // when it is replayed before the cause is fixed
            var replayed = api().post("/api/v1/admin/set-aside-events/" + eventId + "/replay", Api.OPERATOR_KEY, "");
            // then it stays on the list, and the answer says why
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.json().get(0).get("replayed").asBoolean()).isFalse();
            assertThat(replayed.json().get(0).get("error").asString()).contains("refuses_another");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM processing.set_aside_event WHERE event_identifier = ?",
                            Long.class,
                            eventId))
                    .isOne();
        } finally {
            asOwner("ALTER TABLE read_model.participant DROP CONSTRAINT refuses_another");
        }
    }

    /** Changing a read model's structure is the owner's: the platform's runtime role may only change rows. */
    private void asOwner(String ddl) {
        try (Connection connection = DriverManager.getConnection(url, owner, ownerPassword);
                Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
