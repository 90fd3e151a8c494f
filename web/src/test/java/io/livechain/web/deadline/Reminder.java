package io.livechain.web.deadline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A test-only aggregate that schedules one deadline, to prove deadlines are durable. */
public class Reminder {

    public record SetReminder(@TargetAggregateIdentifier String reminderId, Duration after) {}

    public record ReminderSet(String reminderId) {}

    public record ReminderDue(String reminderId) {}

    @AggregateIdentifier
    private String reminderId;

    protected Reminder() {}

    @CommandHandler
    public Reminder(SetReminder command, DeadlineManager deadlines) {
        apply(new ReminderSet(command.reminderId()));
        deadlines.schedule(command.after(), "reminder-due");
    }

    @DeadlineHandler(deadlineName = "reminder-due")
    void due() {
        apply(new ReminderDue(reminderId));
    }

    @EventSourcingHandler
    void on(ReminderSet event) {
        reminderId = event.reminderId();
    }
}
