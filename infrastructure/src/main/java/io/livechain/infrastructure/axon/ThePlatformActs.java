package io.livechain.infrastructure.axon;

import static io.livechain.audit.AuditMetadata.ACTOR_ID;
import static io.livechain.audit.AuditMetadata.ACTOR_ROLE;
import static io.livechain.audit.AuditMetadata.SYSTEM_ROLE;

import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What an event processor does in answer to an event (a saga's production request, a policy's order update) is done
 * by the platform, not by whoever caused the event: its commands, and the events they cause, carry the actor role
 * SYSTEM and the processor's name as the actor id. The causing event stays in their causation chain, and the
 * request's correlation id travels on ({@link AuditCorrelationDataProvider}).
 */
final class ThePlatformActs implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Map<String, String> actor;

    ThePlatformActs(String processorName) {
        this.actor = Map.of(ACTOR_ROLE, SYSTEM_ROLE, ACTOR_ID, processorName);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // registered after the default correlation data, so that it overrides the actor carried by the event
        unitOfWork.registerCorrelationDataProvider(message -> actor);
        return chain.proceed();
    }
}
