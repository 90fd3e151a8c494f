package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On an external PostgreSQL whose migration user may not create roles, the platform still starts and works: the
 * runtime connections keep that user's rights, and the log says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class RuntimeRoleWithoutRightsIT {

    @Test
    void starts_and_warns_when_the_migration_user_may_not_create_the_role(CapturedOutput output) throws SQLException {
        // given a database owned by a user without CREATEROLE, and a role that does not exist
        TestDatabases.Database shared = TestDatabases.create("norole");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "lc_owner_" + suffix;
        String missingRole = "lc_missing_" + suffix;
        try (Connection admin = DriverManager.getConnection(shared.url(), shared.user(), shared.password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEROLE PASSWORD 'owner-pw'");
            statement.execute("ALTER DATABASE " + databaseName(shared.url()) + " OWNER TO " + owner);
        }
        // (an embedded server's URL names its user: the URL's user wins over the username setting)
        String url = shared.url().replaceAll("([?&])user=[^&]*", "$1user=" + owner);
        var database = new TestDatabases.Database(url, owner, "owner-pw", shared.source());
        // when
        try (ConfigurableApplicationContext platform =
                RunningPlatform.start(database, List.of(), "--livechain.database.runtime-role.name=" + missingRole)) {
            // then it works, as the owner
            var merchant = RunningPlatform.api(platform).register("merchants", "{\"name\":\"Still works\"}");
            assertThat(merchant.apiKey()).startsWith("lc_");
            JdbcTemplate jdbc = new JdbcTemplate(platform.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(owner);
            assertThat(output.getOut()).contains("not as the role " + missingRole);
        }
    }

    private static String databaseName(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
