package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.infrastructure.database.ConnectionPools;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's runtime connections act as the role {@code livechain_app}: they append to the event store and
 * read it, and change the rows of every other schema, but cannot change, delete or truncate events, disable the
 * append-only trigger, or change any structure. Flyway migrates as the owner.
 */
class RuntimeRoleIT extends PlatformIT {

    private static final String PERMISSION_DENIED = "42501";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStorageEngine events;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String owner;

    @Value("${spring.datasource.password:}")
    String ownerPassword;

    @Test
    void requests_and_background_work_act_as_the_runtime_role() throws Exception {
        // given a thread that draws from the background pool
        String[] background = new String[1];
        Thread processor =
                Thread.ofPlatform().name("EventProcessor[role]-0").start(() -> background[0] = currentUser());
        processor.join();
        // then both pools act as the role, connected as the owner
        assertThat(dataSource).isInstanceOf(ConnectionPools.class);
        assertThat(currentUser()).isEqualTo("livechain_app");
        assertThat(background[0]).isEqualTo("livechain_app");
        assertThat(jdbc.queryForObject("SELECT session_user", String.class)).isEqualTo(owner);
    }

    @Test
    void the_runtime_role_appends_and_reads_events() {
        // given
        String aggregateId = UUID.randomUUID().toString();
        // when
        events.appendEvents(new GenericDomainEventMessage<>("Test", aggregateId, 0, "fact"));
        // then
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Integer.class,
                        aggregateId))
                .isEqualTo(1);
    }

    @Test
    void the_runtime_role_cannot_change_delete_or_truncate_events() {
        // given
        String aggregateId = UUID.randomUUID().toString();
        events.appendEvents(new GenericDomainEventMessage<>("Test", aggregateId, 0, "fact"));
        // when / then
        assertDenied("UPDATE event_store.domain_event_entry SET payload_type = 'x' WHERE aggregate_identifier = '"
                + aggregateId + "'");
        assertDenied("DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = '" + aggregateId + "'");
        assertDenied("TRUNCATE event_store.domain_event_entry");
        assertDenied("TRUNCATE event_store.snapshot_event_entry");
        assertDenied("DELETE FROM event_store.snapshot_event_entry");
        assertThat(jdbc.queryForObject(
                        "SELECT payload_type FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        String.class,
                        aggregateId))
                .isEqualTo("java.lang.String");
    }

    @Test
    void the_runtime_role_cannot_disable_the_append_only_trigger_nor_change_structure() {
        assertDenied("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        assertDenied("ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER ALL");
        assertDenied("DROP TRIGGER domain_event_entry_append_only ON event_store.domain_event_entry");
        assertDenied("DROP TABLE event_store.domain_event_entry");
        assertDenied("CREATE TABLE event_store.shadow (id INT)");
        assertDenied("CREATE TABLE read_model.shadow (id INT)");
        assertDenied("ALTER TABLE read_model.order_view ADD COLUMN shadow INT");
        assertDenied("TRUNCATE read_model.order_view");
        assertDenied("DELETE FROM public.flyway_schema_history");
    }

    @Test
    void the_runtime_role_may_change_the_rows_of_every_table_outside_the_event_store() {
        // every table the migrations created outside the event store, including any a later migration adds
        List<String> lacking = jdbc.queryForList("""
                SELECT schemaname || '.' || tablename FROM pg_tables
                WHERE schemaname NOT IN ('event_store', 'public', 'pg_catalog', 'information_schema')
                  AND NOT (has_table_privilege('livechain_app', schemaname || '.' || tablename, 'SELECT')
                       AND has_table_privilege('livechain_app', schemaname || '.' || tablename, 'INSERT')
                       AND has_table_privilege('livechain_app', schemaname || '.' || tablename, 'UPDATE')
                       AND has_table_privilege('livechain_app', schemaname || '.' || tablename, 'DELETE'))""", String.class);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM pg_tables WHERE schemaname IN ('read_model', 'processing', 'access',"
                                + " 'desk')",
                        Integer.class))
                .isGreaterThan(10);
        assertThat(lacking).isEmpty();
    }

    @Test
    void the_owner_still_meets_the_append_only_trigger() throws SQLException {
        // given
        String aggregateId = UUID.randomUUID().toString();
        events.appendEvents(new GenericDomainEventMessage<>("Test", aggregateId, 0, "fact"));
        // when / then: even the owner, who may disable it, cannot change an event while it stands
        try (Connection asOwner = DriverManager.getConnection(url, owner, ownerPassword);
                var statement = asOwner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                            "UPDATE event_store.domain_event_entry SET payload_type = 'x' WHERE aggregate_identifier"
                                    + " = '" + aggregateId + "'"))
                    .hasMessageContaining("events are immutable");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = '" + aggregateId
                                    + "'"))
                    .hasMessageContaining("events are immutable");
        }
    }

    private void assertDenied(String sql) {
        assertThatThrownBy(() -> jdbc.execute(sql))
                .as(sql)
                .rootCause()
                .isInstanceOf(SQLException.class)
                .satisfies(cause -> assertThat(((SQLException) cause).getSQLState())
                        .as(sql + ": " + cause.getMessage())
                        .isEqualTo(PERMISSION_DENIED));
    }

    private String currentUser() {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT current_user")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
