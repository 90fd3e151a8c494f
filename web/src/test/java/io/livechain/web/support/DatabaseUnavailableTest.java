package io.livechain.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are answered 503 unavailable. */
class DatabaseUnavailableTest {

    @Test
    void a_rollback_that_failed_on_the_broken_connection_still_counts_as_the_database_away() {
        // given a statement that lost its connection, then a rollback on the connection the pool had closed
        var lost = new DataAccessResourceFailureException(
                "An I/O error occurred while sending to the backend",
                new SQLException("An I/O error occurred while sending to the backend", "08006"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(lost);
        // then
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException(rollback)))
                .isTrue();
    }

    @Test
    void a_rollback_failure_without_a_lost_connection_behind_it_is_no_outage() {
        // given
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DuplicateKeyException("duplicate key", new SQLException("dup", "23505")));
        // then
        assertThat(DatabaseUnavailable.isCauseOf(rollback)).isFalse();
    }
}
