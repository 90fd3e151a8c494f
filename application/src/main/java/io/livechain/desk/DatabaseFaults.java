package io.livechain.desk;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the database's reach (no connection within the pool's timeout, a connection refused, reset or
 * silent past the network timeout, the server shutting down) from every other failure. Such a failure is nobody's
 * mistake and passes by itself: it is answered {@code 503} with {@code Retry-After} at once, never retried for
 * seconds, and never reported as a bug.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {}

    /** Whether the failure, or anything it was caused by, says that the database could not be reached. */
    public static boolean isUnavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception: cannot connect, connection failure or gone), and the server refusing
     * work while it shuts down, restarts or starts up (57P01, 57P02, 57P03), or is out of connections (53300).
     */
    private static boolean unreachable(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("53300"));
    }
}
