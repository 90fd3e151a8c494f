package io.livechain.infrastructure.axon;

import io.livechain.operations.SetAsideEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events in {@code processing.set_aside_event}, and their replay: the event is read back from the event store
 * and handed to the handlers of the processor that set it aside, in a transaction of its own that also takes it off
 * the list. A replay that fails again keeps it there, with the new reason.
 */
final class JdbcSetAsideEvents implements SetAsideEvents {

    private static final Logger log = LoggerFactory.getLogger(JdbcSetAsideEvents.class);

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final TransactionTemplate ownTransaction;

    JdbcSetAsideEvents(
            JdbcTemplate jdbc,
            EventStore eventStore,
            EventProcessingConfiguration processing,
            TransactionManager transactions,
            PlatformTransactionManager platformTransactions) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.processing = processing;
        this.transactions = transactions;
        this.ownTransaction = new TransactionTemplate(platformTransactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public List<SetAsideEvent> list(int limit) {
        return jdbc.query("""
                SELECT processor_name, event_identifier, payload_type, aggregate_identifier, sequence_number, error,
                  set_aside_at
                FROM processing.set_aside_event ORDER BY set_aside_at, event_identifier LIMIT ?""", JdbcSetAsideEvents::row, limit);
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM processing.set_aside_event", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public List<Replay> replay(String eventIdentifier) {
        return jdbc.query("""
                        SELECT processor_name, event_identifier, payload_type, aggregate_identifier,
                          sequence_number, error, set_aside_at
                        FROM processing.set_aside_event WHERE event_identifier = ? ORDER BY processor_name""", JdbcSetAsideEvents::row, eventIdentifier).stream()
                .map(this::replay)
                .toList();
    }

    @Override
    public List<Replay> replayAll() {
        List<Replay> replays = new ArrayList<>();
        for (SetAsideEvent event : list(Integer.MAX_VALUE)) {
            replays.add(replay(event));
        }
        return replays;
    }

    private Replay replay(SetAsideEvent setAside) {
        String processorName = setAside.processor();
        String eventIdentifier = setAside.eventIdentifier();
        Optional<EventMessage<?>> event = readBack(setAside);
        Optional<AbstractEventProcessor> processor =
                processing.eventProcessor(processorName, AbstractEventProcessor.class);
        if (event.isEmpty() || processor.isEmpty()) {
            String reason = event.isEmpty()
                    ? "the event cannot be read back from the event store"
                    : "no event processor named " + processorName;
            return Replay.failed(processorName, eventIdentifier, reason);
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                handle(processor.get(), event.get());
                jdbc.update(
                        "DELETE FROM processing.set_aside_event WHERE processor_name = ? AND event_identifier = ?",
                        processorName,
                        eventIdentifier);
            });
            log.info("Event {} replayed by {} and taken off the set-aside list", eventIdentifier, processorName);
            return Replay.replayed(processorName, eventIdentifier);
        } catch (RuntimeException failure) {
            if (IsolatingErrorHandler.isTransient(failure)) {
                throw failure;
            }
            String reason = IsolatingErrorHandler.reason(failure);
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "UPDATE processing.set_aside_event SET error = ? WHERE processor_name = ? AND event_identifier = ?",
                    reason,
                    processorName,
                    eventIdentifier));
            log.warn("Event {} failed again in {}; it stays set aside", eventIdentifier, processorName, failure);
            return Replay.failed(processorName, eventIdentifier, reason);
        }
    }

    private void handle(AbstractEventProcessor processor, EventMessage<?> event) {
        try {
            IsolatingErrorHandler.handleAlone(processor, event, transactions);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new ReplayFailed(failure);
        }
    }

    /** Read back by its aggregate and sequence number: the store's index, not a scan for the identifier. */
    private Optional<EventMessage<?>> readBack(SetAsideEvent setAside) {
        if (setAside.aggregateIdentifier() == null || setAside.sequenceNumber() == null) {
            return Optional.empty();
        }
        return eventStore
                .readEvents(setAside.aggregateIdentifier(), setAside.sequenceNumber())
                .asStream()
                .limit(1)
                .filter(message -> message.getIdentifier().equals(setAside.eventIdentifier()))
                .<EventMessage<?>>map(message -> message)
                .findFirst();
    }

    private static SetAsideEvent row(ResultSet row, int index) throws SQLException {
        return new SetAsideEvent(
                row.getString("processor_name"),
                row.getString("event_identifier"),
                row.getString("payload_type"),
                row.getString("aggregate_identifier"),
                row.getObject("sequence_number", Long.class),
                row.getString("error"),
                row.getObject("set_aside_at", OffsetDateTime.class).toInstant());
    }

    /** A checked failure of a handler, carried out of the transaction so that it rolls back. */
    private static final class ReplayFailed extends RuntimeException {
        ReplayFailed(Exception cause) {
            super(cause);
        }
    }
}
