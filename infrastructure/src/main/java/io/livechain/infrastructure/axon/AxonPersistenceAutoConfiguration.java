package io.livechain.infrastructure.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.livechain.infrastructure.projection.Views;
import io.livechain.infrastructure.projection.ViewsPositions;
import io.livechain.position.AppendedPositions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL, wired explicitly. Axon's own JDBC and transaction auto-configurations order themselves after
 * Spring Boot 3's class names and silently fall back under Boot 4; declaring every piece here, after Boot's
 * DataSource and before Axon's configurations, makes the choice visible and testable.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "io.livechain.infrastructure.database.EmbeddedPostgresAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration",
            "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration"
        })
@EnableConfigurationProperties(AxonPersistenceProperties.class)
public class AxonPersistenceAutoConfiguration {

    private static final String EVENT_STORE = "event_store.";
    private static final String PROCESSING = "processing.";

    /** The platform's time; tests replace it to let payment windows pass without waiting. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * The connection of the current Spring transaction. Deliberately not wrapped in Axon's unit-of-work-aware
     * provider: that one commits or rolls back the connection itself when a unit of work ends, which would end a
     * request's transaction (ADR 0003) in the middle of the request.
     */
    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresPersistenceExceptionResolver();
    }

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_STORE + "domain_event_entry")
                .snapshotTable(EVENT_STORE + "snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** The position of the last event a desk batch or a request appended, for its answer (ADR 0010). */
    @Bean
    public AppendedPositions appendedPositions() {
        return new AppendedPositions();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            AppendedPositions appendedPositions,
            ObjectProvider<EventStore> eventStore,
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            AxonPersistenceProperties properties) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(properties.eventReadBatchSize())
                .gapTimeout((int) properties.gapTimeout().toMillis());
        // the sequence PostgreSQL made for the BIGSERIAL global_index of V1__event_store.sql
        return new PositionNotingEventStorageEngine(
                builder, appendedPositions, EVENT_STORE + "domain_event_entry_global_index_seq", eventStore::getObject);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(PROCESSING + "token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Tells the read models' positions when the views processor committed a token (reads wait for it). */
    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            AxonPersistenceProperties properties,
            ViewsPositions viewsPositions) {
        return new WatchedTokenStore(
                JdbcTokenStore.builder()
                        .connectionProvider(connectionProvider)
                        .schema(tokenSchema)
                        .serializer(serializer)
                        .claimTimeout(properties.tokenClaimTimeout()),
                Views.PROCESSING_GROUP,
                viewsPositions::committed);
    }

    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        SagaSchema schema = SagaSchema.builder()
                .sagaEntryTable(PROCESSING + "saga_entry")
                .associationValueEntryTable(PROCESSING + "association_value_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build();
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(schema))
                .serializer(serializer)
                .build();
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable(PROCESSING + "dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /** Every processing group parks the events it cannot handle in PostgreSQL instead of blocking its segment. */
    @Bean
    public DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            DeadLetterSchema schema,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer genericSerializer) {
        return new DeadLetterQueueProviderConfigurerModule(null, null) {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer
                        .eventProcessing()
                        .registerDeadLetterQueueProvider(
                                processingGroup -> config -> JdbcSequencedDeadLetterQueue.builder()
                                        .processingGroup(processingGroup)
                                        .connectionProvider(connectionProvider)
                                        .transactionManager(transactionManager)
                                        .schema(schema)
                                        .genericSerializer(genericSerializer)
                                        .eventSerializer(eventSerializer)
                                        .build());
            }
        };
    }

    /**
     * Tracking processors that handle events in batches: one transaction (and token update) per batch, read and handled
     * by the segment's own thread ({@code EventProcessor[name]-n}). Not Axon's pooled streaming processors: their
     * coordinator asks every work package for room before each event it hands over, and the work package answers with
     * the size of a {@code ConcurrentLinkedQueue} of up to 1,024 events, counted node by node; under a flash sale's load
     * the queues stay full, and that count took a tenth of the app's CPU (docs/benchmark.md).
     */
    @Bean
    public ConfigurerModule eventProcessorDefaults(AxonPersistenceProperties properties) {
        return configurer -> configurer
                .eventProcessing()
                .usingTrackingEventProcessors()
                // a thread per segment, so that every segment is handled when there are several
                .registerTrackingEventProcessorConfiguration(config ->
                        TrackingEventProcessorConfiguration.forParallelProcessing(properties.processorSegments())
                                .andBatchSize(properties.processorBatchSize())
                                .andInitialSegmentsCount(properties.processorSegments())
                                .andThreadFactory(name -> new AxonThreadFactory("EventProcessor[" + name + "]"))
                                // a new processor on a store that has events starts from its first event; not
                                // Axon's default replay token, whose untyped context the token store's JSON refuses
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }

    // Durable deadlines: db-scheduler keeps them in processing.scheduled_tasks, so they survive restarts.

    @Bean
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean
    public Scheduler dbScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            List<RecurringTask<?>> recurringTasks,
            AxonPersistenceProperties properties) {
        List<Task<?>> oneTime =
                tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        // Transaction-aware: a deadline scheduled while handling a command commits with that command's events.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurringTasks)
                .tableName(PROCESSING + "scheduled_tasks")
                .pollingInterval(properties.deadlinePollingInterval())
                .threads(properties.deadlineThreads())
                .deleteUnresolvedAfter(Duration.ofDays(14))
                .build();
    }

    @Bean
    public DeadlineManager deadlineManager(
            Scheduler scheduler,
            Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory,
            List<CorrelationDataProvider> correlationDataProviders) {
        DbSchedulerDeadlineManager deadlineManager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // A deadline message carries the correlation data of the request that set it (Axon adds it when the
        // message is created); when it fires, what it causes carries the audit metadata on.
        deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return deadlineManager;
    }

    /** Starts the scheduler once the application is up, and stops it before the database goes away. */
    @Bean
    public SmartLifecycle dbSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // starts before the web server takes traffic (and stops after it), after Axon is up
                return Integer.MAX_VALUE - 4096;
            }
        };
    }
}
