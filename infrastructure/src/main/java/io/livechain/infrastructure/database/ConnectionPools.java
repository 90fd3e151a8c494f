package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Two connection pools behind one DataSource: one for requests and the desk, one for the platform's background
 * work (event processors, deadlines, the payment-window sweep). A burst of orders then never waits for a connection
 * that a projection holds, and projections catching up never starve the order path. Which pool a connection comes
 * from is decided by the thread that asks: {@link BackgroundThreads}. One DataSource, so one transaction manager and
 * the same code on either pool.
 */
public final class ConnectionPools extends DelegatingDataSource implements Closeable {

    /** The application name of the background pool's database sessions. */
    public static final String BACKGROUND = "livechain-background";

    private final HikariDataSource requests;
    private final HikariDataSource background;

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
        config.setMaximumPoolSize(backgroundPoolSize);
        if (config.getMinimumIdle() > backgroundPoolSize) {
            config.setMinimumIdle(backgroundPoolSize);
        }
        this.background = new HikariDataSource(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    private DataSource pool() {
        return BackgroundThreads.isBackground(Thread.currentThread()) ? background : requests;
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
