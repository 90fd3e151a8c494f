package io.livechain.order.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.BATCH_ORDER;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_TIMELINE;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import io.livechain.audit.AuditMetadata;
import io.livechain.infrastructure.projection.BatchWrites;
import io.livechain.infrastructure.projection.Views;
import io.livechain.order.ConcernsOrder;
import io.livechain.order.query.FindOrderTimeline;
import io.livechain.order.query.OrderTimeline;
import io.livechain.order.query.OrderTimeline.Actor;
import io.livechain.order.query.OrderTimeline.Entry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of one order: which stored events, of whatever aggregate (the order itself, the live stream that
 * admitted it, the inventories that held its units, its deliveries), are part of its story, and the whole story of
 * every production batch its units came from. Only their identifiers are kept here;
 * the events themselves are read from the event store, exactly as stored, when the timeline is asked for.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class OrderTimelineProjection {

    // Axon's table: no jOOQ code is generated for the event store, so its columns are named here.
    private static final Table<?> EVENTS = table(name("event_store", "domain_event_entry"));
    private static final Field<Long> GLOBAL_INDEX = column("global_index", Long.class);
    private static final Field<String> EVENT_IDENTIFIER = column("event_identifier", String.class);
    private static final Field<String> TIME_STAMP = column("time_stamp", String.class);
    private static final Field<String> PAYLOAD_TYPE = column("payload_type", String.class);
    private static final Field<String> AGGREGATE_TYPE = column("type", String.class);
    private static final Field<String> AGGREGATE_IDENTIFIER = column("aggregate_identifier", String.class);
    private static final Field<Long> SEQUENCE_NUMBER = column("sequence_number", Long.class);
    private static final Field<byte[]> META_DATA = column("meta_data", byte[].class);
    private static final Field<byte[]> PAYLOAD = column("payload", byte[].class);

    private static final List<Field<?>> COLUMNS = List.of(
            GLOBAL_INDEX,
            EVENT_IDENTIFIER,
            TIME_STAMP,
            PAYLOAD_TYPE,
            AGGREGATE_TYPE,
            AGGREGATE_IDENTIFIER,
            SEQUENCE_NUMBER,
            META_DATA,
            PAYLOAD);

    private final DSLContext db;
    private final ObjectReader reader;

    public OrderTimelineProjection(DSLContext db, JsonMapper json) {
        this.db = db;
        this.reader = json.readerFor(new TypeReference<Map<String, Object>>() {})
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    private static <T> Field<T> column(String column, Class<T> type) {
        return field(name("event_store", "domain_event_entry", column), type);
    }

    /** Every event that concerns an order, once: its global index keeps the timeline in the order of the store. */
    @EventHandler
    void on(ConcernsOrder event, EventMessage<?> message, TrackingToken token) {
        BatchWrites.with(
                OrderTimelineProjection.class.getName(),
                () -> db.insertInto(
                        ORDER_TIMELINE,
                        ORDER_TIMELINE.ORDER_ID,
                        ORDER_TIMELINE.GLOBAL_INDEX,
                        ORDER_TIMELINE.EVENT_IDENTIFIER),
                rows -> rows.onConflictDoNothing().execute(),
                rows -> rows.values(event.orderId().value(), token.position().orElse(0), message.getIdentifier()));
    }

    @QueryHandler
    Optional<OrderTimeline> handle(FindOrderTimeline query) {
        UUID orderId = query.orderId().value();
        boolean visible = db.fetchExists(
                ORDER_VIEW,
                ORDER_VIEW
                        .ID
                        .eq(orderId)
                        .and(ORDER_VIEW.MERCHANT_ID.eq(query.merchantId().value())));
        if (!visible) {
            return Optional.empty();
        }
        // the order's own story, and that of every production batch its units came from (request to receipt)
        var ownEvents = db.select(COLUMNS)
                .from(ORDER_TIMELINE)
                .join(EVENTS)
                .on(EVENT_IDENTIFIER.eq(ORDER_TIMELINE.EVENT_IDENTIFIER))
                .where(ORDER_TIMELINE.ORDER_ID.eq(orderId));
        var batchEvents = db.select(COLUMNS)
                .from(EVENTS)
                .where(AGGREGATE_IDENTIFIER.in(select(BATCH_ORDER.BATCH_ID.cast(SQLDataType.VARCHAR))
                        .from(BATCH_ORDER)
                        .where(BATCH_ORDER.ORDER_ID.eq(orderId))));
        List<Entry> events = ownEvents
                .union(batchEvents)
                .orderBy(field(name(GLOBAL_INDEX.getName())))
                .fetch(this::toEntry);
        return Optional.of(new OrderTimeline(orderId, events));
    }

    private Entry toEntry(Record row) {
        Map<String, Object> metaData = readJson(row.get(META_DATA));
        String payloadType = row.get(PAYLOAD_TYPE);
        String actorRole = text(metaData.get(AuditMetadata.ACTOR_ROLE));
        String actorId = text(metaData.get(AuditMetadata.ACTOR_ID));
        return new Entry(
                row.get(EVENT_IDENTIFIER),
                Instant.parse(row.get(TIME_STAMP)),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                row.get(AGGREGATE_TYPE),
                row.get(AGGREGATE_IDENTIFIER),
                row.get(SEQUENCE_NUMBER),
                actorRole == null && actorId == null ? null : new Actor(actorRole, actorId),
                text(metaData.get(AuditMetadata.CORRELATION_ID)),
                text(metaData.get(AuditMetadata.CAUSATION_ID)),
                readJson(row.get(PAYLOAD)));
    }

    /** Payload and metadata are stored as UTF-8 JSON (ADR 0002); amounts keep their decimals. */
    private Map<String, Object> readJson(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Map.of();
        }
        return reader.readValue(bytes);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
