package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How the runtime connections take on the {@link RuntimeRoleProperties runtime role}: every new connection of the
 * pools runs {@code SET ROLE} when the role exists and the connecting user may take it, so one connection setting
 * serves the embedded database and an external one alike. Flyway migrates over connections of its own, as the
 * connecting user (the owner).
 */
final class RuntimeRole {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRole.class);

    private final RuntimeRoleProperties properties;

    RuntimeRole(RuntimeRoleProperties properties) {
        this.properties = properties;
    }

    boolean enabled() {
        return properties.enabled();
    }

    String name() {
        return properties.enabled() ? properties.name() : "";
    }

    /**
     * Takes the role if it exists and may be taken. Before the first migration it does not exist yet: the connections
     * made then are replaced once Flyway has created it ({@link #afterMigration}).
     */
    String connectionInitSql() {
        String role = properties.name();
        return """
                DO $set_role$ BEGIN
                  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN SET ROLE "%s"; END IF;
                EXCEPTION WHEN insufficient_privilege OR undefined_object THEN NULL;
                END $set_role$""".formatted(role, role);
    }

    void applyTo(HikariConfig pool) {
        String existing = pool.getConnectionInitSql();
        pool.setConnectionInitSql(
                existing == null || existing.isBlank() ? connectionInitSql() : existing + ";\n" + connectionInitSql());
    }

    /** Connections for Flyway: the pool's database and user, without the role. */
    static DataSource migrationDataSource(HikariConfig pool) {
        Properties settings = new Properties();
        pool.getDataSourceProperties().forEach((key, value) -> settings.setProperty(key.toString(), value.toString()));
        DriverManagerDataSource owner = new DriverManagerDataSource(pool.getJdbcUrl(), settings);
        if (pool.getDriverClassName() != null) {
            owner.setDriverClassName(pool.getDriverClassName());
        }
        owner.setUsername(pool.getUsername());
        owner.setPassword(pool.getPassword());
        return owner;
    }

    /**
     * After Flyway: connections opened before the role existed are replaced, and the log says which role the runtime
     * connections act as.
     */
    void afterMigration(DataSource runtime) {
        if (runtime instanceof ConnectionPools pools) {
            evict(pools.requestsPool());
            evict(pools.backgroundPool());
        } else if (runtime instanceof HikariDataSource hikari) {
            evict(hikari);
        }
        String current;
        String session;
        try (Connection connection = runtime.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user, session_user")) {
            row.next();
            current = row.getString(1);
            session = row.getString(2);
        } catch (SQLException e) {
            log.warn("Could not check which database role the runtime connections act as", e);
            return;
        }
        if (!properties.enabled()) {
            log.warn(
                    "{}.enabled=false: runtime database connections act as {}, who may change or delete events",
                    RuntimeRoleProperties.PREFIX,
                    current);
        } else if (current.equals(properties.name())) {
            log.info(
                    "Runtime database connections act as role {} (connected as {}): the event store is append-only"
                            + " to them",
                    current,
                    session);
        } else {
            log.warn(
                    "Runtime database connections act as {}, not as the role {} (missing, or {} may not take it; see"
                            + " Flyway's warning above and ADR 0007): they may change or delete events",
                    current,
                    properties.name(),
                    session);
        }
    }

    private static void evict(HikariDataSource pool) {
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
