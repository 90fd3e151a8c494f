package io.livechain.infrastructure.axon;

import static io.livechain.audit.AuditMetadata.ACTOR_ID;
import static io.livechain.audit.AuditMetadata.ACTOR_ROLE;
import static io.livechain.audit.AuditMetadata.CAUSATION_ID;
import static io.livechain.audit.AuditMetadata.CORRELATION_ID;
import static io.livechain.audit.AuditMetadata.SYSTEM_ROLE;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries the audit metadata from the message being handled to every message it produces: the request's
 * correlation id and actor travel along, and the handled message becomes the causation. When a deadline fires,
 * the platform itself is the actor (and so it is for event processors, {@link ThePlatformActs}).
 *
 * <p>Commands are not stored, so a command that an event caused passes that event on as the causation of the events
 * it produces: in the stored trail, every causation id of a chain the platform followed is a stored event's id.
 */
public final class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        var metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        Object causedBy = message instanceof CommandMessage<?> ? metaData.get(CAUSATION_ID) : null;
        data.put(CAUSATION_ID, causedBy != null ? causedBy : message.getIdentifier());
        data.put(CORRELATION_ID, metaData.getOrDefault(CORRELATION_ID, message.getIdentifier()));
        if (message instanceof DeadlineMessage<?> deadline) {
            data.put(ACTOR_ROLE, SYSTEM_ROLE);
            data.put(ACTOR_ID, "deadline:" + deadline.getDeadlineName());
        } else if (message instanceof EventMessage<?>) {
            // a saga or a policy answering an event: the platform acts, not whoever caused the event
            data.put(ACTOR_ROLE, SYSTEM_ROLE);
            data.put(ACTOR_ID, ThePlatformActs.processor().orElse("platform"));
        } else {
            copy(metaData, data, ACTOR_ROLE);
            copy(metaData, data, ACTOR_ID);
        }
        return data;
    }

    private static void copy(Map<String, ?> from, Map<String, Object> to, String key) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
