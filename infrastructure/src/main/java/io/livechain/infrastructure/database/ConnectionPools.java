package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Two connection pools behind one DataSource: one for requests and the desk, one for the platform's background
 * work (event processors, deadlines, the payment-window sweep). A burst of orders then never waits for a connection
 * that a projection holds, and projections catching up never starve the order path. Which pool a connection comes
 * from is decided by the thread that asks: {@link BackgroundThreads}. One DataSource, so one transaction manager and
 * the same code on either pool.
 *
 * <p>The two pools also fail differently when the database is away (ADR 0006). Once the platform serves
 * ({@link #failFast}), the requests pool fails fast: a request waits at most its pool's {@code connectionTimeout}
 * for a connection, and a statement at most the request timeout for the database's answer (a server that stopped
 * answering, a network that drops packets); the request is then answered 503. When the pool could not connect,
 * request threads are turned away at once, and one of them at most every {@link #PROBE_INTERVAL} asks the pool
 * again: so the pool's own reconnection, which backs off up to 5 s while callers keep waiting, restarts quickly and
 * requests are served again within about two seconds of the database's return. Background work has no caller
 * waiting: it waits {@link #BACKGROUND_CONNECTION_TIMEOUT} for a connection and the URL's {@code socketTimeout} for
 * an answer, and resumes by itself.
 */
public final class ConnectionPools extends DelegatingDataSource implements Closeable {

    /** The application name of the background pool's database sessions. */
    public static final String BACKGROUND = "livechain-background";

    /** How long background work waits for a connection (Hikari's default): no caller is waiting for it. */
    static final Duration BACKGROUND_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    /** How often, while the database cannot be reached, a request thread may ask the pool for a connection. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ConnectionPools.class);
    /** pgjdbc applies the network timeout itself; it does not use the executor. */
    private static final Executor SAME_THREAD = Runnable::run;

    private final HikariDataSource requests;
    private final HikariDataSource background;
    /** Milliseconds a request-path statement waits for the database's answer; 0 until the platform serves. */
    private volatile int requestNetworkTimeoutMillis;
    /** Why the requests pool could not connect, while it cannot; null while the database answers. */
    private volatile SQLException unreachable;

    private volatile long nextProbeAt;
    private final AtomicBoolean probing = new AtomicBoolean();

    ConnectionPools(HikariDataSource requests, int backgroundPoolSize) {
        super(requests);
        this.requests = requests;
        HikariConfig config = new HikariConfig();
        requests.copyStateTo(config);
        config.setPoolName(requests.getPoolName() + "-background");
        // in pg_stat_activity, the background work's sessions say so (on the URL: the copied data source
        // properties are the requests pool's own object)
        if (config.getJdbcUrl() != null) {
            config.setJdbcUrl(config.getJdbcUrl() + (config.getJdbcUrl().contains("?") ? "&" : "?") + "ApplicationName="
                    + BACKGROUND);
        }
        Properties properties = new Properties();
        properties.putAll(requests.getDataSourceProperties());
        config.setDataSourceProperties(properties);
        config.setConnectionTimeout(
                Math.max(requests.getConnectionTimeout(), BACKGROUND_CONNECTION_TIMEOUT.toMillis()));
        config.setMaximumPoolSize(backgroundPoolSize);
        if (config.getMinimumIdle() > backgroundPoolSize) {
            config.setMinimumIdle(backgroundPoolSize);
        }
        this.background = new HikariDataSource(config);
    }

    /**
     * From now on a statement on the request path waits at most {@code timeout} for the database's answer (then its
     * connection is given up and the request fails, 503), and request threads are turned away at once while the
     * pool cannot connect. Called once the platform serves, so that migrations and other start-up work keep the
     * URL's longer {@code socketTimeout} and the pool's patience.
     */
    public void failFast(Duration timeout) {
        requestNetworkTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return BackgroundThreads.isBackground(Thread.currentThread())
                ? background.getConnection()
                : forRequest(requests::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return BackgroundThreads.isBackground(Thread.currentThread())
                ? background.getConnection(username, password)
                : forRequest(() -> requests.getConnection(username, password));
    }

    /** Whether the requests pool could not connect at its last try (and has not since). */
    public boolean unreachable() {
        return unreachable != null;
    }

    private Connection forRequest(ConnectionSource source) throws SQLException {
        int timeout = requestNetworkTimeoutMillis;
        if (timeout == 0) {
            return source.get(); // starting up: no caller to answer yet
        }
        boolean probe = false;
        SQLException known = unreachable;
        if (known != null) {
            if (System.nanoTime() - nextProbeAt < 0 || !probing.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException(
                        requests.getPoolName() + " - the database could not be reached a moment ago",
                        known.getSQLState() != null ? known.getSQLState() : "08001",
                        known);
            }
            probe = true;
        }
        Connection connection;
        try {
            connection = source.get();
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() != null) {
                // the pool could not connect (all connections merely in use has no cause): turn callers away
                nextProbeAt = System.nanoTime() + PROBE_INTERVAL.toNanos();
                if (unreachable == null) {
                    log.warn(
                            "The database cannot be reached; requests are answered 503 until it answers again: {}",
                            e.getCause().toString());
                }
                unreachable = e;
            }
            throw e;
        } finally {
            if (probe) {
                nextProbeAt = System.nanoTime() + PROBE_INTERVAL.toNanos();
                probing.set(false);
            }
        }
        if (unreachable != null) {
            unreachable = null;
            log.info("The database answers again");
        }
        try {
            // the pool restores the connection's own network timeout when it is given back
            connection.setNetworkTimeout(SAME_THREAD, timeout);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    public HikariDataSource requestsPool() {
        return requests;
    }

    public HikariDataSource backgroundPool() {
        return background;
    }

    @Override
    public void close() {
        background.close();
        requests.close();
    }
}
