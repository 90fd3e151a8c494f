package io.livechain.infrastructure.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505), so that losing an append race surfaces as Axon's
 * {@code ConcurrencyException} instead of a generic storage failure.
 */
public final class PostgresPersistenceExceptionResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver fallback = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return fallback.isDuplicateKeyViolation(exception);
    }
}
