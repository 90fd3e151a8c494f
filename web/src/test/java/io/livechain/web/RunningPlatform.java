package io.livechain.web;

import io.livechain.LiveChainApplication;
import io.livechain.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole platform started (and stopped) by the test itself, for tests about restarts: start one on a database,
 * close it, start another on the same database.
 */
public final class RunningPlatform {

    private RunningPlatform() {}

    /** On the given test database; {@code sources} add test-only configuration, {@code arguments} settings. */
    public static ConfigurableApplicationContext start(
            TestDatabases.Database database, List<Class<?>> sources, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password()));
        all.addAll(List.of(arguments));
        return start(sources, all.toArray(String[]::new));
    }

    /** With the operator's test key and any free port, plus the given settings. */
    public static ConfigurableApplicationContext start(List<Class<?>> sources, String... arguments) {
        List<Class<?>> all = new ArrayList<>(List.of(LiveChainApplication.class));
        all.addAll(sources);
        List<String> settings =
                new ArrayList<>(List.of("--livechain.admin-api-key=" + Api.OPERATOR_KEY, "--server.port=0"));
        settings.addAll(List.of(arguments));
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(settings.toArray(String[]::new));
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
