package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.event.ParticipantRegistered;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
        ReadModels.awaitCaughtUp(eventStore, processing);
        // then the other merchant's view is there, and the poisoned event was set aside with its reason
        assertThat(api().get("/api/v1/admin/participants/" + other.id(), Api.OPERATOR_KEY)
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
}
