package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.DependsOn;

/**
 * With no {@code spring.datasource.url}, the platform runs on an embedded PostgreSQL whose data lives in
 * {@code livechain.data-dir} (env {@code LIVECHAIN_DATA_DIR}) and survives restarts. Unlike a test database it
 * flushes to disk: what the API acknowledged is on disk.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);
    static final String DATABASE = "livechain";

    /**
     * A bean, so the DataSource (and Axon with it) stops before the database does. A server that an earlier run
     * left behind on the data directory (killed with {@code kill -9}) is stopped first: zonky calls the customizer
     * while it holds the directory's lock, so no running application owns that server.
     */
    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException, SQLException {
        Path dataDirectory = dataDirectory(properties);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setDataDirectoryCustomizer(directory -> Postmaster.stopOrphan(directory.toPath()))
                .start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    /** Stops the server if this process dies without stopping it; ended before the server is (it depends on it). */
    @Bean(destroyMethod = "close")
    public PostmasterWatchdog postmasterWatchdog(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        return PostmasterWatchdog.watch(dataDirectory(properties));
    }

    private static Path dataDirectory(EmbeddedPostgresProperties properties) {
        return properties.dataDir().resolve("postgres").toAbsolutePath();
    }

    @Bean
    @DependsOn("embeddedPostgres")
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("livechain-embedded");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }
}
