package io.livechain.infrastructure.axon;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Names the event processor handling an event (a saga's, a policy's) in its unit of work, so that what it does in
 * answer (a production request, an order following its delivery) is recorded as done by the platform, by that
 * processor ({@link AuditCorrelationDataProvider}), not by whoever caused the event.
 */
final class ThePlatformActs implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String PROCESSOR = ThePlatformActs.class.getName() + ".processor";

    private final String processorName;

    ThePlatformActs(String processorName) {
        this.processorName = processorName;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        unitOfWork.root().resources().put(PROCESSOR, processorName);
        return chain.proceed();
    }

    /** The processor whose handler runs in the current unit of work, if one does. */
    static Optional<String> processor() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.root().<String>getResource(PROCESSOR));
    }
}
