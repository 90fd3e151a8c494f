package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.infrastructure.axon.PostgresPersistenceExceptionResolver;
import io.livechain.infrastructure.database.BackgroundThreads;
import io.livechain.infrastructure.database.ConnectionPools;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.command.StartLiveStream;
import io.livechain.shared.LiveStreamId;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pins down which Axon implementations run, so a silent fallback (in-memory, no transactions) cannot return. */
class AxonWiringIT extends PlatformIT {

    @Autowired
    EventStorageEngine eventStorageEngine;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    SagaStore<?> sagaStore;

    @Autowired
    DeadlineManager deadlineManager;

    @Autowired
    PersistenceExceptionResolver persistenceExceptionResolver;

    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    DataSource dataSource;

    @Test
    void wires_the_postgresql_implementations() {
        assertThat(eventStorageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(persistenceExceptionResolver).isInstanceOf(PostgresPersistenceExceptionResolver.class);
        assertThat(List.of(serializer, eventSerializer, messageSerializer))
                .allSatisfy(each -> assertThat(each).isInstanceOf(Jackson3Serializer.class));
    }

    @Test
    void projections_run_in_pooled_streaming_processors_with_a_postgresql_dead_letter_queue() {
        assertThat(eventProcessing.eventProcessor("views")).get().isInstanceOf(TrackingEventProcessor.class);
        assertThat(eventProcessing.deadLetterQueue("views")).get().isInstanceOf(JdbcSequencedDeadLetterQueue.class);
    }

    @Test
    void event_processors_draw_from_the_background_pool_and_requests_from_their_own() throws Exception {
        // the processors' threads are named the way the pools tell them apart
        List<Thread> processorThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("EventProcessor["))
                .toList();
        assertThat(processorThreads).isNotEmpty().allMatch(BackgroundThreads::isBackground);
        // so are the live streams' readers: the event streams' shared reader, the war rooms' figures
        assertThat(List.of("event-streams", "war-rooms"))
                .allMatch(name -> BackgroundThreads.isBackground(new Thread(name)));
        assertThat(BackgroundThreads.isBackground(Thread.currentThread())).isFalse();
        // and such a thread gets its connection from the background pool, any other thread from the requests'
        assertThat(dataSource).isInstanceOf(ConnectionPools.class);
        String[] sessionOfProcessor = new String[1];
        Thread worker = Thread.ofPlatform()
                .name("EventProcessor[test]-0")
                .start(() -> sessionOfProcessor[0] = applicationName());
        worker.join();
        assertThat(sessionOfProcessor[0]).isEqualTo(ConnectionPools.BACKGROUND);
        assertThat(applicationName()).isNotEqualTo(ConnectionPools.BACKGROUND);
    }

    private String applicationName() {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT current_setting('application_name')")) {
            result.next();
            return result.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_lost_append_race_is_a_concurrency_exception() {
        // given
        String aggregateId = UUID.randomUUID().toString();
        eventStorageEngine.appendEvents(new GenericDomainEventMessage<>("Test", aggregateId, 0, "created"));
        eventStorageEngine.appendEvents(new GenericDomainEventMessage<>("Test", aggregateId, 1, "winner"));
        // when / then: the loser appends at the same sequence number
        assertThatThrownBy(() -> eventStorageEngine.appendEvents(
                        new GenericDomainEventMessage<>("Test", aggregateId, 1, "loser")))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void a_command_the_desk_decides_is_never_sent_on_the_command_bus() {
        // given a command of the desk's route
        var start = new StartLiveStream(LiveStreamId.random(), ParticipantId.random(), Instant.now());
        // when someone sends it on the command bus, then it is refused before any handler sees it
        assertThatThrownBy(() -> commands.sendAndWait(start))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decided by the desk");
    }
}
