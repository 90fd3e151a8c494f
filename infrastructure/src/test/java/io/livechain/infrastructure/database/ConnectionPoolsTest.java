package io.livechain.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.livechain.desk.DatabaseFaults;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The requests pool when the database cannot be reached: no database needed, a closed port will do. */
class ConnectionPoolsTest {

    @Test
    void while_the_database_cannot_be_reached_request_threads_are_turned_away_without_waiting() throws IOException {
        // given the pools of a serving platform whose database refuses connections
        try (ConnectionPools pools = new ConnectionPools(requestsPoolOn(closedPort()), 2)) {
            pools.failFast(Duration.ofSeconds(1));
            // when two requests ask for a connection, one after the other
            Throwable first = catchThrowable(pools::getConnection);
            Throwable second = catchThrowable(pools::getConnection);
            // then the first waited for the pool and learnt that it cannot connect; the second was told at once
            assertThat(first).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(DatabaseFaults.isUnavailable(first)).isTrue();
            assertThat(pools.unreachable()).isTrue();
            assertThat(second)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasCause(first);
            assertThat(DatabaseFaults.isUnavailable(second)).isTrue();
        }
    }

    @Test
    void before_the_platform_serves_every_caller_waits_for_the_pool() throws IOException {
        // given pools not yet serving (start-up: migrations and the like)
        try (ConnectionPools pools = new ConnectionPools(requestsPoolOn(closedPort()), 2)) {
            // when two callers ask for a connection
            Throwable first = catchThrowable(pools::getConnection);
            Throwable second = catchThrowable(pools::getConnection);
            // then each asked the pool itself
            assertThat(first).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(second).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(second.getCause()).isNotSameAs(first).isNotInstanceOf(SQLTransientConnectionException.class);
        }
    }

    private static HikariDataSource requestsPoolOn(int port) {
        HikariDataSource requests = new HikariDataSource();
        requests.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/nothing");
        requests.setPoolName("test");
        requests.setConnectionTimeout(250);
        requests.setInitializationFailTimeout(-1);
        return requests;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
