package io.livechain.audit;

import java.util.Map;
import java.util.UUID;

/**
 * The metadata keys every command and event carries: who acted, in which request, and because of which message.
 * Set on the first command of a request and carried over to everything that follows from it.
 */
public final class AuditMetadata {

    /** The id of the request (its {@code X-Request-Id}) that started the chain. */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * The id of the message whose handling produced this one; for an event, the stored event that caused it when
     * there is one (a command the platform issued in answer to an event passes that event on).
     */
    public static final String CAUSATION_ID = "causationId";
    /** The role of the actor: ADMIN, MERCHANT, FACTORY, WAREHOUSE, COURIER, or SYSTEM for the platform itself. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The id of the actor. */
    public static final String ACTOR_ID = "actorId";

    /** The role recorded when the platform acts on its own (sagas, policies, deadlines, schedules). */
    public static final String SYSTEM_ROLE = "SYSTEM";

    private AuditMetadata() {}

    /**
     * The metadata of what the platform does on its own, as {@code actor} (a sweep, a clock, a processor): a chain of
     * its own, with a new correlation id.
     */
    public static Map<String, Object> ofThePlatform(String actor) {
        return Map.of(CORRELATION_ID, UUID.randomUUID().toString(), ACTOR_ROLE, SYSTEM_ROLE, ACTOR_ID, actor);
    }
}
