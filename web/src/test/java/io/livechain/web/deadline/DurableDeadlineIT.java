package io.livechain.web.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livechain.testing.TestDatabases;
import io.livechain.web.RunningPlatform;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

class DurableDeadlineIT {

    private final TestDatabases.Database database = TestDatabases.create("durable_deadline");

    @Test
    void a_deadline_scheduled_before_a_restart_fires_after_it() {
        // given a deadline scheduled by one instance that then stops
        String reminderId = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(CommandGateway.class)
                    .sendAndWait(new Reminder.SetReminder(reminderId, Duration.ofSeconds(8)));
        }
        JdbcTemplate jdbc = jdbc();
        assertThat(pendingDeadlines(jdbc)).isEqualTo(1);
        assertThat(dueEvents(jdbc, reminderId)).isZero();

        // when a new instance starts on the same database
        try (ConfigurableApplicationContext second = start()) {
            // then the deadline fires there, once, with the platform as its actor
            // the deadline fires on db-scheduler's own clock, which no test can move: wait for its stored event
            await().atMost(Duration.ofMinutes(1)).until(() -> dueEvents(jdbc, reminderId) == 1);
            String metaData = jdbc.queryForObject(
                    "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                            + " WHERE aggregate_identifier = ? AND payload_type LIKE '%ReminderDue'",
                    String.class, reminderId);
            assertThat(metaData).contains("\"actorRole\":\"SYSTEM\"");
            // db-scheduler removes the task once its execution is done, just after the event is stored
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingDeadlines(jdbc) == 0);
        }
    }

    private ConfigurableApplicationContext start() {
        return RunningPlatform.start(database, List.of(ReminderConfiguration.class));
    }

    private JdbcTemplate jdbc() {
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                database.url(), database.user(), database.password());
        return new JdbcTemplate(dataSource);
    }

    private static int pendingDeadlines(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM processing.scheduled_tasks WHERE task_name = ?",
                Integer.class,
                "AxonDeadline"); // the task name of Axon's db-scheduler deadlines
    }

    private static int dueEvents(JdbcTemplate jdbc, String reminderId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%ReminderDue'",
                Integer.class, reminderId);
    }

    static class ReminderConfiguration {

        @Bean
        ConfigurerModule reminderAggregate() {
            return configurer -> configurer.configureAggregate(Reminder.class);
        }
    }
}
