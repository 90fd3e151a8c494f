package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Splits the application's Hikari DataSource (embedded or external) into {@link ConnectionPools}. Spring destroys the
 * bean it created (the requests' Hikari pool), not the {@link ConnectionPools} that replaced it, so the background
 * pool is closed here, with it.
 */
final class ConnectionPoolsPostProcessor implements DestructionAwareBeanPostProcessor {

    private final int backgroundPoolSize;
    private final Map<HikariDataSource, ConnectionPools> split = new ConcurrentHashMap<>();

    ConnectionPoolsPostProcessor(int backgroundPoolSize) {
        this.backgroundPoolSize = backgroundPoolSize;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName) && bean instanceof HikariDataSource hikari) {
            ConnectionPools pools = new ConnectionPools(hikari, backgroundPoolSize);
            split.put(hikari, pools);
            return pools;
        }
        return bean;
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof HikariDataSource hikari && split.containsKey(hikari);
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        ConnectionPools pools = bean instanceof HikariDataSource hikari ? split.remove(hikari) : null;
        if (pools != null) {
            pools.backgroundPool().close();
        }
    }
}
