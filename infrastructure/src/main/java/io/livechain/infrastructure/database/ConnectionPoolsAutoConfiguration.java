package io.livechain.infrastructure.database;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Gives background work a connection pool of its own ({@code LIVECHAIN_DB_BACKGROUND_POOL_SIZE}, default 12), and
 * bounds how long a request-path statement waits for the database once the platform serves
 * ({@code livechain.database.request-timeout}, default 1.5 s).
 */
@AutoConfiguration
public class ConnectionPoolsAutoConfiguration {

    @Bean
    static BeanPostProcessor connectionPools(Environment environment) {
        return new ConnectionPoolsPostProcessor(
                environment.getProperty("livechain.database.background-pool-size", Integer.class, 12));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> requestStatementsFailFast(
            ObjectProvider<DataSource> dataSource, Environment environment) {
        Duration timeout =
                environment.getProperty("livechain.database.request-timeout", Duration.class, Duration.ofMillis(1500));
        return ready -> {
            if (dataSource.getIfUnique() instanceof ConnectionPools pools) {
                pools.failFast(timeout);
            }
        };
    }
}
