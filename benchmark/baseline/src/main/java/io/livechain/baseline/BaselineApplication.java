package io.livechain.baseline;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The naive baseline of the flash-sale benchmark (benchmark/compare.sh): {@code POST /api/v1/orders} with the same
 * contract as LiveChain, decided in one database transaction per order. With no {@code spring.datasource.url} it
 * starts its own PostgreSQL (zonky, fsync and synchronous_commit on) in {@code baseline.data-dir}/postgres.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    /** The database the pool connects to; a bean so that the pool is closed before an embedded server stops. */
    @Bean(destroyMethod = "close")
    Database database(
            @Value("${spring.datasource.url:}") String url,
            @Value("${baseline.data-dir:target/baseline-data}") Path dataDir)
            throws IOException {
        if (!url.isBlank()) {
            return new Database(url, null);
        }
        Path directory = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                // zonky's defaults are test settings (fsync off): a durable commit, like LiveChain's embedded server
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .start();
        return new Database(postgres.getJdbcUrl("postgres", "postgres"), postgres);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            Database database,
            @Value("${spring.datasource.username:postgres}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${baseline.pool-size:10}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(username);
        if (!password.isEmpty()) {
            dataSource.setPassword(password);
        }
        dataSource.setPoolName("baseline");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setMinimumIdle(poolSize);
        dataSource.addDataSourceProperty("socketTimeout", "30");
        dataSource.addDataSourceProperty("tcpKeepAlive", "true");
        return dataSource;
    }

    record Database(String url, EmbeddedPostgres embedded) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
