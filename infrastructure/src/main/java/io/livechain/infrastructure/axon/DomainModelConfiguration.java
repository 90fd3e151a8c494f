package io.livechain.infrastructure.axon;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.livechain.access.IdempotentRequests;
import io.livechain.catalog.Product;
import io.livechain.delivery.ClaimLedger;
import io.livechain.delivery.Delivery;
import io.livechain.delivery.claim.ClaimRules;
import io.livechain.delivery.claim.DeliveryClaims;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.delivery.policy.OrderFollowsDeliveryPolicy;
import io.livechain.desk.AvailabilityBoard;
import io.livechain.desk.Desk;
import io.livechain.desk.DeskRepositories;
import io.livechain.desk.PaymentWindows;
import io.livechain.infrastructure.axon.upcasting.AddedFieldUpcaster;
import io.livechain.infrastructure.axon.upcasting.OrderPackedAsOneShipment;
import io.livechain.infrastructure.projection.Views;
import io.livechain.operations.SetAsideEvents;
import io.livechain.order.Order;
import io.livechain.order.desk.PaymentWindowSweeper;
import io.livechain.order.event.OrderPacked;
import io.livechain.participant.Participant;
import io.livechain.position.AppendedPositions;
import io.livechain.production.ProductionBatch;
import io.livechain.production.saga.ReplenishmentSaga;
import io.livechain.sales.LiveStream;
import io.livechain.sales.store.LiveStreamTimekeeper;
import io.livechain.stock.Inventory;
import io.livechain.stock.event.BackorderFilled;
import io.livechain.stock.event.StockReserved;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the event-sourced aggregates with Axon (the domain carries no Spring stereotypes, so they are listed
 * here, in one place) and sets up the desk, the single writer of the aggregates a flash sale decides on.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeskProperties.class, DeliveryProperties.class})
public class DomainModelConfiguration {

    @Bean
    public ConfigurerModule aggregates(
            DeskProperties deskSettings,
            SagaStore<Object> sagaStore,
            TransactionManager transactionManager,
            PlatformTransactionManager platformTransactionManager,
            JdbcTemplate jdbc,
            Clock clock,
            MeterRegistry meters) {
        long cachedAggregates = deskSettings.cachedAggregates();
        TransactionTemplate ownTransaction = new TransactionTemplate(platformTransactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // a saga per SKU follows every reservation: kept in memory, it is not looked up and read per event
        SagaStore<Object> cachedSagas = CachingSagaStore.builder()
                .delegateSagaStore(sagaStore)
                .sagaCache(new CaffeineCache(cachedAggregates))
                .associationsCache(new CaffeineCache(cachedAggregates))
                .build();
        return configurer -> configurer
                .configureAggregate(Participant.class)
                .configureAggregate(Order.class)
                .configureAggregate(ProductionBatch.class)
                .configureAggregate(Delivery.class)
                .configureAggregate(ClaimLedger.class)
                .configureAggregate(cached(Product.class, cachedAggregates))
                .configureAggregate(cached(LiveStream.class, cachedAggregates))
                .configureAggregate(cached(Inventory.class, cachedAggregates))
                .eventProcessing(processing -> processing
                        .registerDefaultHandlerInterceptor(
                                (config, processorName) -> new ThePlatformActs(processorName))
                        .registerSaga(ReplenishmentSaga.class, saga -> saga.configureSagaStore(config -> cachedSagas))
                        // a batch that fails on what an event holds is handled again event by event
                        .registerErrorHandler(
                                Views.PROCESSING_GROUP,
                                config -> new IsolatingErrorHandler(
                                        Views.PROCESSING_GROUP,
                                        () -> config.eventProcessingConfiguration()
                                                .eventProcessor(Views.PROCESSING_GROUP, AbstractEventProcessor.class)
                                                .orElseThrow(),
                                        transactionManager,
                                        ownTransaction,
                                        jdbc,
                                        clock,
                                        meters))
                        // an empty dead-letter queue is known to be empty: no look-up per event
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                Views.PROCESSING_GROUP, (config, invoker) -> invoker.enableSequenceIdentifierCache())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                OrderFollowsDeliveryPolicy.PROCESSING_GROUP,
                                (config, invoker) -> invoker.enableSequenceIdentifierCache()));
    }

    /** Only the desk writes these, from one thread, and each of its transactions commits on its own. */
    private static <T> AggregateConfigurer<T> cached(Class<T> type, long size) {
        CaffeineCache cache = new CaffeineCache(size);
        return AggregateConfigurer.defaultConfiguration(type).configureCache(configuration -> cache);
    }

    /** Revision 2 of these events added a field; their revision 1 is read with it null. */
    @Bean
    @org.springframework.core.annotation.Order(1)
    public AddedFieldUpcaster orderPackedWithDeliveryCode() {
        return new AddedFieldUpcaster(OrderPacked.class, "1", "2", "deliveryCode");
    }

    /** Revision 3 split an order into shipments; revision 2 was always the whole order in one. */
    @Bean
    @org.springframework.core.annotation.Order(2)
    public OrderPackedAsOneShipment orderPackedAsOneShipment() {
        return new OrderPackedAsOneShipment();
    }

    @Bean
    public AddedFieldUpcaster deliveryOfferedWithCodeHash() {
        return new AddedFieldUpcaster(DeliveryOffered.class, "1", "2", "codeHash");
    }

    /** Revision 2 says which batches reserved units came from; revision 1 is read with it null (worked out again). */
    @Bean
    public AddedFieldUpcaster stockReservedWithBatches() {
        return new AddedFieldUpcaster(StockReserved.class, "1", "2", "batches");
    }

    @Bean
    public AddedFieldUpcaster backorderFilledWithBatches() {
        return new AddedFieldUpcaster(BackorderFilled.class, "1", "2", "batches");
    }

    @Bean
    public SetAsideEvents setAsideEvents(
            JdbcTemplate jdbc,
            EventStore eventStore,
            EventProcessingConfiguration processing,
            TransactionManager transactionManager,
            PlatformTransactionManager platformTransactionManager) {
        return new JdbcSetAsideEvents(jdbc, eventStore, processing, transactionManager, platformTransactionManager);
    }

    @Bean
    public AvailabilityBoard availabilityBoard() {
        return new AvailabilityBoard();
    }

    @Bean(destroyMethod = "close")
    public Desk desk(
            Configuration configuration,
            TransactionManager transactionManager,
            IdempotentRequests idempotentRequests,
            PaymentWindows paymentWindows,
            AppendedPositions positions,
            List<CorrelationDataProvider> correlationDataProviders,
            AvailabilityBoard board,
            Clock clock,
            DeskProperties settings) {
        return new Desk(
                () -> new DeskRepositories(
                        configuration.repository(LiveStream.class),
                        configuration.repository(Inventory.class),
                        configuration.repository(Product.class),
                        configuration.repository(Order.class),
                        configuration.repository(Participant.class),
                        configuration.repository(ProductionBatch.class),
                        configuration.repository(Delivery.class)),
                transactionManager,
                idempotentRequests,
                paymentWindows,
                positions,
                correlationDataProviders,
                board,
                clock,
                new Desk.Settings(settings.maxBatchSize(), settings.queueCapacity(), settings.answerBudget()));
    }

    @Bean(destroyMethod = "close")
    public PaymentWindowSweeper paymentWindowSweeper(
            PaymentWindows paymentWindows, Desk desk, Clock clock, DeskProperties settings) {
        return new PaymentWindowSweeper(paymentWindows, desk, clock, settings.paymentWindowSweepInterval(), 500);
    }

    @Bean
    public LiveStreamTimekeeper liveStreamTimekeeper(DSLContext db, Desk desk, Clock clock) {
        return new LiveStreamTimekeeper(db, desk, clock, 100);
    }

    /** Every {@code livechain.desk.live-stream-end-sweep-interval}, the streams whose time is up are ended. */
    @Bean
    public RecurringTask<Void> endLiveStreamsOnTime(LiveStreamTimekeeper timekeeper, DeskProperties settings) {
        return Tasks.recurring("end-live-streams-on-time", FixedDelay.of(settings.liveStreamEndSweepInterval()))
                .execute((instance, context) -> {
                    try {
                        timekeeper.sweep();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    /** The desk takes requests once Axon is up, before the web server opens. */
    @Bean
    public SmartLifecycle deskLifecycle(Desk desk, PaymentWindowSweeper sweeper) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                desk.start();
                sweeper.start();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 4096;
            }
        };
    }

    /**
     * Claims: decided on the delivery and the courier's claim ledger together (ADR 0008). {@code claim-timeout}: a
     * claim not picked up by then lapses; {@code reclaim-cooldown}: how long the courier whose claim lapsed waits
     * before claiming that delivery again; {@code max-open-claims}: how many claimed, undelivered deliveries a courier
     * may hold.
     */
    @Bean
    public DeliveryClaims deliveryClaims(Configuration configuration, DeliveryProperties settings) {
        return new DeliveryClaims(
                () -> configuration.repository(Delivery.class),
                () -> configuration.repository(ClaimLedger.class),
                new ClaimRules(settings.claimTimeout(), settings.reclaimCooldown(), settings.maxOpenClaims()));
    }

    @Bean
    public OrderFollowsDeliveryPolicy orderFollowsDeliveryPolicy(CommandGateway commands) {
        return new OrderFollowsDeliveryPolicy(commands);
    }
}
