package io.livechain.order.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.count;

import io.livechain.order.query.CountStreamOrders;
import io.livechain.order.query.StreamOrderCounts;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/** How many orders of a live stream are in each status: one grouped count on the merchant's stream index. */
@Component
public class StreamOrderCountsQuery {

    private final DSLContext db;

    public StreamOrderCountsQuery(DSLContext db) {
        this.db = db;
    }

    @QueryHandler
    StreamOrderCounts handle(CountStreamOrders query) {
        Field<Integer> orders = count();
        return StreamOrderCounts.of(db.select(ORDER_VIEW.STATUS, orders)
                .from(ORDER_VIEW)
                .where(ORDER_VIEW.MERCHANT_ID.eq(query.merchantId().value()))
                .and(ORDER_VIEW.LIVE_STREAM_ID.eq(query.liveStreamId().value()))
                .groupBy(ORDER_VIEW.STATUS)
                .fetchMap(ORDER_VIEW.STATUS, orders));
    }
}
