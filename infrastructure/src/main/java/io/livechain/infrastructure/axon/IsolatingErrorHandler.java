package io.livechain.infrastructure.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a batch of the read models fails on what an event holds (a value a column refuses, a bug in one projection),
 * the batch is handled again one event at a time, each in a transaction of its own: every event that can be
 * handled is, and the one that cannot is set aside (in {@code processing.set_aside_event}, with the reason, counted
 * in {@code livechain.events.set.aside}) so that the processor moves on and every other tenant's views stay
 * current. Failures of the database itself (connections, shutdowns, conflicts) are not the event's fault: they
 * propagate and the batch is retried as it was.
 */
final class IsolatingErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(IsolatingErrorHandler.class);

    private final String processorName;
    private final Supplier<AbstractEventProcessor> processor;
    private final TransactionManager transactions;
    private final TransactionTemplate ownTransaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Counter setAside;

    IsolatingErrorHandler(
            String processorName,
            Supplier<AbstractEventProcessor> processor,
            TransactionManager transactions,
            TransactionTemplate ownTransaction,
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry meters) {
        this.processorName = processorName;
        this.processor = processor;
        this.transactions = transactions;
        this.ownTransaction = ownTransaction;
        this.jdbc = jdbc;
        this.clock = clock;
        this.setAside = Counter.builder("livechain.events.set.aside")
                .description("events a read model could not take, set aside so that the others move on")
                .tag("processor", processorName)
                .register(meters);
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        Throwable failure = context.error();
        if (isTransient(failure) || context.failedEvents().isEmpty()) {
            throw asException(failure);
        }
        log.warn(
                "A batch of {} events failed in {}; handling them one at a time: {}",
                context.failedEvents().size(),
                processorName,
                failure.toString());
        for (EventMessage<?> event : context.failedEvents()) {
            try {
                handleAlone(processor.get(), event, transactions);
            } catch (Exception alone) {
                if (isTransient(alone)) {
                    throw alone;
                }
                setAside(event, alone);
            }
        }
    }

    /** One event through the processor's handlers, in a unit of work (and transaction) of its own. */
    static void handleAlone(AbstractEventProcessor processor, EventMessage<?> event, TransactionManager transactions)
            throws Exception {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.attachTransaction(transactions);
        var result = unitOfWork.executeWithResult(() -> {
            processor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw asException(result.exceptionResult());
        }
    }

    private void setAside(EventMessage<?> event, Exception reason) {
        log.error(
                "Event {} ({}) set aside by {}: its read models could not take it",
                event.getIdentifier(),
                event.getPayloadType().getName(),
                processorName,
                reason);
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> domain ? domain : null;
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                """
                INSERT INTO processing.set_aside_event (processor_name, event_identifier, payload_type,
                  aggregate_identifier, sequence_number, error, set_aside_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                processorName,
                event.getIdentifier(),
                event.getPayloadType().getName(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                reason(reason),
                clock.instant().atOffset(ZoneOffset.UTC)));
        setAside.increment();
    }

    /**
     * What the operator reads: the first failure of the chain (later ones, such as "current transaction is aborted"
     * from the dead-letter queue's look-up in the same transaction, only follow from it).
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** The database away, shutting down or out of resources, or a conflict: not the event's fault. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String sqlClass = sql.getSQLState().substring(0, 2);
                if (sqlClass.equals("08") || sqlClass.equals("57") || sqlClass.equals("53") || sqlClass.equals("40")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Exception asException(Throwable failure) {
        if (failure instanceof Exception exception) {
            return exception;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
