package io.livechain.infrastructure.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The runtime connections act as the {@link RuntimeRoleProperties runtime role}; Flyway creates the role and its
 * grants ({@code db/callback/afterMigrate__runtime_role.sql}) over connections of its own, as the owner.
 */
@AutoConfiguration
@ConditionalOnClass(Flyway.class)
@EnableConfigurationProperties(RuntimeRoleProperties.class)
public class RuntimeRoleAutoConfiguration {

    static final String PLACEHOLDER = "runtime_role";
    static final String CALLBACK_LOCATION = "classpath:db/callback";

    @Bean
    RuntimeRole runtimeRole(RuntimeRoleProperties properties) {
        return new RuntimeRole(properties);
    }

    /**
     * Before the pools are split ({@link ConnectionPoolsPostProcessor}), so both pools take the role. A post-processor
     * is made before any bean, so it reads its settings itself.
     */
    @Bean
    static BeanPostProcessor runtimeRoleConnections(Environment environment) {
        RuntimeRole role = new RuntimeRole(
                Binder.get(environment).bindOrCreate(RuntimeRoleProperties.PREFIX, RuntimeRoleProperties.class));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if ("dataSource".equals(beanName) && bean instanceof HikariDataSource hikari && role.enabled()) {
                    role.applyTo(hikari);
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer runtimeRoleMigrations(RuntimeRole runtimeRole) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put(PLACEHOLDER, runtimeRole.name());
            configuration.placeholders(placeholders);
            List<String> callbackLocations = new ArrayList<>();
            if (configuration.getCallbackLocations() != null) {
                for (Location location : configuration.getCallbackLocations()) {
                    callbackLocations.add(location.getDescriptor());
                }
            }
            if (!callbackLocations.contains(CALLBACK_LOCATION)) {
                callbackLocations.add(CALLBACK_LOCATION);
            }
            configuration.callbackLocations(callbackLocations.toArray(String[]::new));
            if (configuration.getDataSource() instanceof ConnectionPools pools) {
                configuration.dataSource(RuntimeRole.migrationDataSource(pools.requestsPool()));
            } else if (configuration.getDataSource() instanceof HikariDataSource hikari
                    && hikari.getConnectionInitSql() != null) {
                configuration.dataSource(RuntimeRole.migrationDataSource(hikari));
            }
        };
    }

    @Bean
    Callback runtimeRoleCheck(RuntimeRole runtimeRole, ObjectProvider<DataSource> runtime) {
        return new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE_OPERATION_FINISH;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                runtimeRole.afterMigration(runtime.getObject());
            }

            @Override
            public String getCallbackName() {
                return "livechain-runtime-role-check";
            }
        };
    }
}
