package io.livechain.infrastructure.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Says so when a connection broke. After a connection error the pool closes the connection at once, and every later
 * use of it (the next statement, the rollback) fails with a bare "Connection is closed" that names no SQLSTATE: a
 * request whose first failure was swallowed (Axon reading a snapshot, say) would then fail as a bug (500) instead of
 * as the database out of reach (503). A connection handed to a request is wrapped, and such a failure on a closed
 * connection is reported with SQLSTATE 08003 (connection does not exist).
 */
final class BrokenConnections {

    private BrokenConnections() {}

    static Connection reported(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Reporting(connection));
    }

    private record Reporting(Connection connection) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "reported " + connection;
                };
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                if (failure instanceof SQLException sql && sql.getSQLState() == null && closed()) {
                    throw new SQLNonTransientConnectionException(
                            sql.getMessage() + " (the connection to the database broke)", "08003", sql);
                }
                throw failure;
            }
        }

        private boolean closed() {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return true;
            }
        }
    }
}
