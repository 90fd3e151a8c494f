package io.livechain.order.store;

import static io.livechain.infrastructure.jooq.desk.Tables.PAYMENT_WINDOW;

import io.livechain.desk.PaymentWindows;
import io.livechain.order.OrderId;
import io.livechain.shared.LiveStreamId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
        UUID[] orderIds = new UUID[windows.size()];
        UUID[] liveStreamIds = new UUID[windows.size()];
        OffsetDateTime[] dueAts = new OffsetDateTime[windows.size()];
        int i = 0;
        for (Window window : windows) {
            orderIds[i] = window.orderId().value();
            liveStreamIds[i] = window.liveStreamId().value();
            dueAts[i] = window.dueAt().atOffset(ZoneOffset.UTC);
            i++;
        }
        // a batch's windows as one statement over arrays: nothing rendered or bound per window
        db.execute("""
                INSERT INTO desk.payment_window (order_id, live_stream_id, due_at)
                SELECT * FROM unnest({0}, {1}, {2}) ON CONFLICT DO NOTHING""", DSL.val(orderIds), DSL.val(liveStreamIds), DSL.val(dueAts));
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
