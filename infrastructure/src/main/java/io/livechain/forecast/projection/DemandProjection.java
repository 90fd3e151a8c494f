package io.livechain.forecast.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.DEMAND;

import io.livechain.infrastructure.projection.BatchWrites;
import io.livechain.infrastructure.projection.Views;
import io.livechain.order.OrderLine;
import io.livechain.order.event.OrderPlaced;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/**
 * Demand, the forecasts' input: the units of every order line, when it was placed (backordered ones included: they
 * are demand too). One row per order line, so counting an event again changes nothing.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class DemandProjection {

    private final DSLContext db;

    public DemandProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(OrderPlaced event) {
        for (OrderLine line : event.lines()) {
            Query insert = db.insertInto(DEMAND)
                    .set(DEMAND.ORDER_ID, event.orderId().value())
                    .set(DEMAND.SKU, line.sku())
                    .set(DEMAND.MERCHANT_ID, event.merchantId().value())
                    .set(DEMAND.PLACED_AT, event.placedAt().atOffset(ZoneOffset.UTC))
                    .set(DEMAND.UNITS, line.quantity())
                    .onConflictDoNothing();
            BatchWrites.with(
                    DemandProjection.class.getName(),
                    ArrayList<Query>::new,
                    (List<Query> queries) -> db.batch(queries).execute(),
                    queries -> queries.add(insert));
        }
    }
}
