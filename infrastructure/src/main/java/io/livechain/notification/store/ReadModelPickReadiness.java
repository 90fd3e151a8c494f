package io.livechain.notification.store;

import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_LINE;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_VIEW;

import io.livechain.notification.PickReadiness;
import io.livechain.order.OrderStatus;
import io.livechain.order.StockState;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Whether an order is on pick lists, asked of the order read model the way the pick list itself is. */
@Component
public class ReadModelPickReadiness implements PickReadiness {

    private final DSLContext db;

    public ReadModelPickReadiness(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<ReadyToPick> of(UUID orderId) {
        var order = db.select(ORDER_VIEW.MERCHANT_ID)
                .from(ORDER_VIEW)
                .where(ORDER_VIEW.ID.eq(orderId))
                .and(ORDER_VIEW.STATUS.eq(OrderStatus.PAID.name()))
                .andNotExists(DSL.selectOne()
                        .from(ORDER_LINE)
                        .where(ORDER_LINE.ORDER_ID.eq(orderId))
                        .and(ORDER_LINE.STOCK.ne(StockState.RESERVED.name()).or(ORDER_LINE.WAREHOUSE_ID.isNull())))
                .fetchOptional(ORDER_VIEW.MERCHANT_ID);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        var warehouses = new HashSet<>(db.selectDistinct(ORDER_LINE.WAREHOUSE_ID)
                .from(ORDER_LINE)
                .where(ORDER_LINE.ORDER_ID.eq(orderId))
                .and(ORDER_LINE.STOCK.eq(StockState.RESERVED.name()))
                .and(ORDER_LINE.DELIVERY_ID.isNull())
                .fetch(ORDER_LINE.WAREHOUSE_ID));
        return warehouses.isEmpty() ? Optional.empty() : Optional.of(new ReadyToPick(order.get(), warehouses));
    }
}
