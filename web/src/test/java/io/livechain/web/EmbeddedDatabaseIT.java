package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no database configured, the platform runs on an embedded PostgreSQL whose data outlives the process. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDir;

    @Test
    void keeps_registrations_across_a_restart() {
        // given a merchant registered on a first run
        String merchantId;
        try (ConfigurableApplicationContext first = start()) {
            var api = RunningPlatform.api(first);
            merchantId = api.register("merchants", "{\"name\":\"Survivor\"}").id();
            assertDurable(first);
        }
        // when the platform starts again on the same data directory
        try (ConfigurableApplicationContext second = start()) {
            var api = RunningPlatform.api(second);
            // then the merchant is still there
            ReadModels.awaitCaughtUp(second);
            assertThat(api.get("/api/v1/admin/participants/" + merchantId, Api.OPERATOR_KEY)
                            .json()
                            .get("name")
                            .asString())
                    .isEqualTo("Survivor");
        }
    }

    private ConfigurableApplicationContext start() {
        return RunningPlatform.start(List.of(), "--livechain.data-dir=" + dataDir);
    }

    private static void assertDurable(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        // the runtime connections act as the role that may only append to the event store (ADR 0007)
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("livechain_app");
    }
}
