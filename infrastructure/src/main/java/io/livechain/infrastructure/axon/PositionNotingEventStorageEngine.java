package io.livechain.infrastructure.axon;

import io.livechain.position.AppendedPositions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC event storage engine, for read-your-writes (ADR 0010): it tells {@link AppendedPositions} the position
 * of the last event it appended, when the appending work asked for it (a desk batch, a command-bus request), and it
 * wakes the event processors' reader as soon as the events are committed.
 *
 * <p>The global index is given by the table's sequence as each row is inserted, and Axon's batch insert does not read
 * it back. So, right after the insert and on the same connection, {@code currval} of that sequence gives the value
 * this session drew last: the highest index of the events just appended (a sequence only grows, whatever other
 * sessions draw meanwhile). One short statement per append, that is per desk batch, not per order; none for work that
 * did not ask.
 *
 * <p>The reader is told of new events when a unit of work commits. A command-bus request's transaction outlives its
 * command's unit of work (ADR 0003), so that news came before the events were visible, and the reader found them only
 * at its next poll, up to a second later. After the transaction commits, with no unit of work left to tell it, the
 * reader is told again (publishing nothing wakes it, and stores nothing).
 */
final class PositionNotingEventStorageEngine extends JdbcEventStorageEngine {

    private final AppendedPositions positions;
    private final String lastDrawnIndex;
    private final Supplier<EventStore> eventStore;

    PositionNotingEventStorageEngine(
            Builder builder, AppendedPositions positions, String globalIndexSequence, Supplier<EventStore> eventStore) {
        super(builder);
        this.positions = positions;
        this.lastDrawnIndex = "SELECT currval('" + globalIndexSequence + "'::regclass)";
        this.eventStore = eventStore;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        // outside a transaction, the insert has committed on a connection that is gone: nothing to ask it
        if (events.isEmpty() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        if (positions.tracking()) {
            positions.appended(lastDrawnIndex());
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // a unit of work still running tells the reader itself as it ends (and may not publish now)
                    if (!CurrentUnitOfWork.isStarted()) {
                        eventStore.get().publish(List.of());
                    }
                }
            });
        }
    }

    private long lastDrawnIndex() {
        try (Connection connection = getConnection();
                PreparedStatement statement = connection.prepareStatement(lastDrawnIndex);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new EventStoreException("the position of the events just appended could not be read", e);
        }
    }
}
