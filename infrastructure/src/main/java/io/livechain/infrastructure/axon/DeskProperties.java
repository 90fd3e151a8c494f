package io.livechain.infrastructure.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The desk ({@code livechain.desk.*}, ADR 0004).
 *
 * @param maxBatchSize most requests decided and committed together
 * @param queueCapacity most requests waiting; beyond it, {@code 503 busy} at once
 * @param answerBudget how long a request may wait to be taken; then it is withdrawn and answered {@code 503 busy}
 * @param cachedAggregates live streams, inventories, products and sagas kept in memory
 * @param paymentWindowSweepInterval how often due payment windows are looked for
 * @param liveStreamEndSweepInterval how often streams whose {@code endsAt} has come, and that nobody ended, are
 *     looked for (and ended by the platform)
 */
@ConfigurationProperties("livechain.desk")
public record DeskProperties(
        @DefaultValue("500") int maxBatchSize,
        @DefaultValue("4096") int queueCapacity,
        @DefaultValue("500ms") Duration answerBudget,
        @DefaultValue("10000") long cachedAggregates,
        @DefaultValue("1s") Duration paymentWindowSweepInterval,
        @DefaultValue("5s") Duration liveStreamEndSweepInterval) {}
