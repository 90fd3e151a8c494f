package io.livechain.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.livechain.desk.DatabaseFaults;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A connection handed to a request, once the pool closed it because it broke. */
class BrokenConnectionsTest {

    private final Connection pooled = mock(Connection.class);
    private final Connection connection = BrokenConnections.reported(pooled);

    @Test
    void using_a_connection_the_pool_closed_fails_as_the_database_out_of_reach() throws SQLException {
        // given a connection the pool closed after a connection error
        when(pooled.isClosed()).thenReturn(true);
        when(pooled.prepareStatement("SELECT 1")).thenThrow(new SQLException("Connection is closed"));
        // when
        Throwable failure = catchThrowable(() -> connection.prepareStatement("SELECT 1"));
        // then
        assertThat(DatabaseFaults.isUnavailable(failure)).isTrue();
    }

    @Test
    void what_the_database_answers_on_a_sound_connection_is_passed_on_as_it_is() throws SQLException {
        // given
        SQLException refused = new SQLException("permission denied", "42501");
        when(pooled.prepareStatement("SELECT 1")).thenThrow(refused);
        // when
        Throwable failure = catchThrowable(() -> connection.prepareStatement("SELECT 1"));
        // then
        assertThat(failure).isSameAs(refused);
        assertThat(DatabaseFaults.isUnavailable(failure)).isFalse();
    }

    @Test
    void the_connection_is_unwrapped_to_what_the_pool_handed_out() throws SQLException {
        // given
        when(pooled.unwrap(Connection.class)).thenReturn(pooled);
        // then
        assertThat(connection.unwrap(Connection.class)).isSameAs(pooled);
        assertThat(connection).isEqualTo(connection).isNotEqualTo(pooled);
    }
}
