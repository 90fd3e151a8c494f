package io.livechain.infrastructure.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Tuning of the event store, event processors and deadlines ({@code livechain.axon.*}). */
@ConfigurationProperties("livechain.axon")
public record AxonPersistenceProperties(
        @DefaultValue("500") int eventReadBatchSize,
        @DefaultValue("60s") Duration gapTimeout,
        @DefaultValue("10s") Duration tokenClaimTimeout,
        @DefaultValue("100") int processorBatchSize,
        @DefaultValue("1") int processorSegments,
        @DefaultValue("1s") Duration deadlinePollingInterval,
        @DefaultValue("4") int deadlineThreads) {}
