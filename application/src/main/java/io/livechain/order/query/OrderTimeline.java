package io.livechain.order.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every event of every aggregate that an order caused or was touched by, oldest first, exactly as stored: the
 * audit trail of one order, including every event of the production batches its units came from. {@code eventId}
 * is what a later entry's {@code causationId} names when this event caused it.
 */
public record OrderTimeline(UUID orderId, List<Entry> events) {

    public record Entry(
            String eventId,
            Instant occurredAt,
            String type,
            String aggregateType,
            String aggregateId,
            long sequence,
            @Nullable Actor actor,
            @Nullable String correlationId,
            @Nullable String causationId,
            Object data) {}

    public record Actor(@Nullable String role, @Nullable String id) {}
}
