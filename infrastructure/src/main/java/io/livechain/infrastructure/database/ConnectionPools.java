package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
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
 * answering, a network that drops packets); the request is then answered 503. Once the pool could not connect,
 * request threads are turned away at once, without asking the pool, and a probe connects to the database every
 * {@link #PROBE_INTERVAL} outside the pool; when it gets through, requests go to the pool again. The pool itself,
 * left without waiting callers, stops retrying instead of backing off further (up to 5 s between tries), so it
 * connects at once when asked again: requests are served within a second or so of the database's return. Background
 * work has no caller waiting: it waits {@link #BACKGROUND_CONNECTION_TIMEOUT} for a connection and the URL's
 * {@code socketTimeout} for an answer, and resumes by itself. A connection that broke under a request says so
 * ({@link BrokenConnections}).
 */
public final class ConnectionPools extends DelegatingDataSource implements Closeable {

    /** The application name of the background pool's database sessions. */
    public static final String BACKGROUND = "livechain-background";

    /** How long background work waits for a connection (Hikari's default): no caller is waiting for it. */
    static final Duration BACKGROUND_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    /** How often, while the database cannot be reached, the probe tries to connect. */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(ConnectionPools.class);
    /** pgjdbc applies the network timeout itself; it does not use the executor. */
    private static final Executor SAME_THREAD = Runnable::run;

    private final HikariDataSource requests;
    private final HikariDataSource background;
    /** Milliseconds a request-path statement waits for the database's answer; 0 until the platform serves. */
    private volatile int requestNetworkTimeoutMillis;
    /** Why the requests pool could not connect, while it cannot; null while the database answers. */
    private volatile SQLException unreachable;
    /** Connects to the database like the requests pool does, but without it. */
    private final ConnectionSource direct;

    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean closed;

    ConnectionPools(HikariDataSource requests, int backgroundPoolSize) {
        super(requests);
        this.requests = requests;
        HikariConfig config = new HikariConfig();
        requests.copyStateTo(config);
        config.setPoolName(requests.getPoolName() + "-background");
        // in pg_stat_activity, the background work's sessions say so
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
        this.direct = direct(requests);
    }

    /** A way to the database past the pool, as the pool connects: its DataSource, or the driver with its URL. */
    private static ConnectionSource direct(HikariDataSource pool) {
        if (pool.getDataSource() != null) {
            return pool.getDataSource()::getConnection;
        }
        if (pool.getJdbcUrl() != null) {
            return new DriverDataSource(
                    pool.getJdbcUrl(),
                    pool.getDriverClassName(),
                    pool.getDataSourceProperties(),
                    pool.getUsername(),
                    pool.getPassword())::getConnection;
        }
        return pool::getConnection; // a data source class the pool instantiates itself: ask the pool
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

    private Connection forRequest(ConnectionSource pool) throws SQLException {
        int timeout = requestNetworkTimeoutMillis;
        if (timeout == 0) {
            return pool.get(); // starting up: no caller to answer yet
        }
        SQLException known = unreachable;
        if (known != null) {
            throw new SQLTransientConnectionException(
                    requests.getPoolName() + " - the database cannot be reached (waiting for it to answer again)",
                    known.getSQLState() != null ? known.getSQLState() : "08001",
                    known);
        }
        Connection connection;
        try {
            connection = pool.get();
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() != null) {
                // the pool could not connect (when all connections are merely in use, there is no cause)
                unreachable(e);
            }
            throw e;
        }
        try {
            // the pool restores the connection's own network timeout when it is given back
            connection.setNetworkTimeout(SAME_THREAD, timeout);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return BrokenConnections.reported(connection);
    }

    private void unreachable(SQLException failure) {
        unreachable = failure;
        if (probing.compareAndSet(false, true)) {
            log.warn(
                    "The database cannot be reached; requests are answered 503 until it answers again: {}",
                    failure.getCause().toString());
            Thread.ofPlatform().name("database-probe").daemon().start(this::probe);
        }
    }

    /** Tries to connect, outside the pool, until the database answers; then lets requests ask the pool again. */
    private void probe() {
        try {
            while (!closed) {
                Thread.sleep(PROBE_INTERVAL);
                try (Connection connection = direct.get()) {
                    if (connection.isValid(1)) {
                        log.info("The database answers again");
                        break;
                    }
                } catch (SQLException | RuntimeException stillAway) {
                    // still away
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // in this order: a failure noted in between starts a probe of its own
            probing.set(false);
            unreachable = null;
        }
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
        closed = true;
        background.close();
        requests.close();
    }
}
