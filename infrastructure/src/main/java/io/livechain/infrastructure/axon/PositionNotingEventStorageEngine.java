package io.livechain.infrastructure.axon;

import io.livechain.position.AppendedPositions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC event storage engine, which also tells {@link AppendedPositions} the position of the last event it
 * appended, when the appending work asked for it (a desk batch, a command-bus request).
 *
 * <p>The global index is given by the table's sequence as each row is inserted, and Axon's batch insert does not read
 * it back. So, right after the insert and on the same connection, {@code currval} of that sequence gives the value
 * this session drew last: the highest index of the events just appended (a sequence only grows, whatever other
 * sessions draw meanwhile). One short statement per append, that is per desk batch, not per order; none for work that
 * did not ask.
 */
final class PositionNotingEventStorageEngine extends JdbcEventStorageEngine {

    private final AppendedPositions positions;
    private final String lastDrawnIndex;

    PositionNotingEventStorageEngine(Builder builder, AppendedPositions positions, String globalIndexSequence) {
        super(builder);
        this.positions = positions;
        this.lastDrawnIndex = "SELECT currval('" + globalIndexSequence + "'::regclass)";
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        // outside a transaction, the insert has committed on a connection that is gone: nothing to ask it
        if (!events.isEmpty()
                && positions.tracking()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            positions.appended(lastDrawnIndex());
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
