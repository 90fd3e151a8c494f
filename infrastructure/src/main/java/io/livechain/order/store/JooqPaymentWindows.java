package io.livechain.order.store;

import static io.livechain.infrastructure.jooq.desk.Tables.PAYMENT_WINDOW;

import io.livechain.desk.PaymentWindows;
import io.livechain.order.OrderId;
import io.livechain.sales.LiveStreamId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Payment windows in {@code desk.payment_window}: written in the desk's transaction, read by due time. */
@Repository
public class JooqPaymentWindows implements PaymentWindows {

    private final DSLContext db;

    public JooqPaymentWindows(DSLContext db) {
        this.db = db;
    }

    @Override
    public void openAll(Collection<Window> windows) {
        if (windows.isEmpty()) {
            return;
        }
        // one statement rendered once, bound per window (the driver sends it as multi-row inserts)
        var insert = db.batch(db.insertInto(
                        PAYMENT_WINDOW, PAYMENT_WINDOW.ORDER_ID, PAYMENT_WINDOW.LIVE_STREAM_ID, PAYMENT_WINDOW.DUE_AT)
                .values((UUID) null, null, null)
                .onConflictDoNothing());
        for (Window window : windows) {
            insert = insert.bind(
                    window.orderId().value(),
                    window.liveStreamId().value(),
                    window.dueAt().atOffset(ZoneOffset.UTC));
        }
        insert.execute();
    }

    @Override
    public void closeAll(Collection<OrderId> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        db.deleteFrom(PAYMENT_WINDOW)
                .where(PAYMENT_WINDOW.ORDER_ID.in(
                        orderIds.stream().map(OrderId::value).toList()))
                .execute();
    }

    @Override
    public List<Window> dueBy(Instant instant, int limit) {
        return db.selectFrom(PAYMENT_WINDOW)
                .where(PAYMENT_WINDOW.DUE_AT.le(instant.atOffset(ZoneOffset.UTC)))
                .orderBy(PAYMENT_WINDOW.DUE_AT)
                .limit(limit)
                .fetch(row -> new Window(
                        new OrderId(row.getOrderId()),
                        new LiveStreamId(row.getLiveStreamId()),
                        row.getDueAt().toInstant()));
    }
}
