package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Splits the application's Hikari DataSource (embedded or external) into {@link ConnectionPools}. */
final class ConnectionPoolsPostProcessor implements BeanPostProcessor {

    private final int backgroundPoolSize;

    ConnectionPoolsPostProcessor(int backgroundPoolSize) {
        this.backgroundPoolSize = backgroundPoolSize;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName) && bean instanceof HikariDataSource hikari) {
            return new ConnectionPools(hikari, backgroundPoolSize);
        }
        return bean;
    }
}
