package io.livechain.web.support;

import static io.livechain.audit.AuditMetadata.ACTOR_ID;
import static io.livechain.audit.AuditMetadata.ACTOR_ROLE;
import static io.livechain.audit.AuditMetadata.CORRELATION_ID;

import io.livechain.access.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stamps the first message of a request with its correlation id and the caller as actor. Messages sent while
 * another is being handled inherit both through the correlation data providers instead.
 */
@Component
public class AuditMetadataDispatchInterceptor implements MessageDispatchInterceptor<Message<?>> {

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        return (index, message) -> {
            if (CurrentUnitOfWork.isStarted()) {
                return message;
            }
            Map<String, Object> audit = new HashMap<>(currentRequest());
            audit.keySet().removeAll(message.getMetaData().keySet());
            return audit.isEmpty() ? message : message.andMetaData(audit);
        };
    }

    /** The audit metadata of the request this thread is serving: its correlation id and the caller as actor. */
    public static Map<String, Object> currentRequest() {
        Map<String, Object> audit = new HashMap<>();
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            audit.put(CORRELATION_ID, correlationId);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            audit.put(ACTOR_ROLE, caller.role().name());
            audit.put(ACTOR_ID, caller.participantId().toString());
        }
        return audit;
    }
}
