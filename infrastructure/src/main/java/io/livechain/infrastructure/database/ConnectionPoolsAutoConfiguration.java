package io.livechain.infrastructure.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Gives background work a connection pool of its own ({@code LIVECHAIN_DB_BACKGROUND_POOL_SIZE}, default 12). */
@AutoConfiguration
public class ConnectionPoolsAutoConfiguration {

    @Bean
    static BeanPostProcessor connectionPools(Environment environment) {
        return new ConnectionPoolsPostProcessor(
                environment.getProperty("livechain.database.background-pool-size", Integer.class, 12));
    }
}
