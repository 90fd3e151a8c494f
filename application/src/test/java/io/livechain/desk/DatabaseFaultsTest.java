package io.livechain.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures say that the database could not be reached. */
class DatabaseFaultsTest {

    @Test
    void no_connection_from_the_pool_in_time_is_the_database_away() {
        assertThat(DatabaseFaults.isUnavailable(new IllegalStateException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("Connection is not available, request timed out"))))
                .isTrue();
    }

    @Test
    void a_connection_refused_broken_or_shut_down_is_the_database_away() {
        assertThat(DatabaseFaults.isUnavailable(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseFaults.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseFaults.isUnavailable(new SQLException("terminating connection", "57P01")))
                .isTrue();
    }

    @Test
    void what_the_database_answered_is_no_outage() {
        assertThat(DatabaseFaults.isUnavailable(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseFaults.isUnavailable(new SQLException("invalid byte sequence", "22021")))
                .isFalse();
        assertThat(DatabaseFaults.isUnavailable(new IllegalStateException("a bug")))
                .isFalse();
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        // given two failures that name each other as their cause
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        // then
        assertThat(DatabaseFaults.isUnavailable(first)).isFalse();
    }
}
