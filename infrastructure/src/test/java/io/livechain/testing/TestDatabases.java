package io.livechain.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where tests get their PostgreSQL: {@code LIVECHAIN_TEST_JDBC_URL} if set, else a Testcontainers PostgreSQL when
 * a Docker engine answers, else an embedded PostgreSQL. One server per JVM; every caller gets a database of its
 * own on it.
 */
public final class TestDatabases {

    private static Server server;

    private TestDatabases() {}

    /** A new, empty database on the shared server. */
    public static synchronized Database create(String hint) {
        Server shared = server();
        String name = ("lc_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(0, 51) + name.substring(name.length() - 9);
        }
        try (Connection connection = DriverManager.getConnection(shared.url(), shared.user(), shared.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + shared.url(), e);
        }
        return new Database(withDatabase(shared.url(), name), shared.user(), shared.password(), shared.source());
    }

    public static synchronized String source() {
        return server().source();
    }

    private static Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("LIVECHAIN_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Server(
                    url,
                    envOr("LIVECHAIN_TEST_JDBC_USER", "postgres"),
                    envOr("LIVECHAIN_TEST_JDBC_PASSWORD", ""),
                    "LIVECHAIN_TEST_JDBC_URL");
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Server(String url, String user, String password, String source) {}

    /** Connection details of one test database. */
    public record Database(String url, String user, String password, String source) {}
}
