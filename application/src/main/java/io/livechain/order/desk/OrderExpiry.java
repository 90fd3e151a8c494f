package io.livechain.order.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.order.OrderStatus;
import io.livechain.order.command.ExpireOrder;
import java.time.Instant;
import java.util.Optional;

/**
 * An order's payment window has closed: unpaid, it expires and its units go back in the same commit. Paid,
 * cancelled or already expired, only its window is removed. Safe to repeat.
 */
public record OrderExpiry(OrderId orderId) implements UseCase<Boolean> {

    @Override
    public Decision<Boolean> decide(DeskState state) {
        Optional<Order> found = state.order(orderId);
        if (found.isEmpty() || found.get().status() != OrderStatus.PLACED) {
            return Decision.accept(false, changes -> changes.closePaymentWindow(orderId));
        }
        Order order = found.get();
        Instant now = state.now();
        if (!order.isPaymentOverdue(now)) {
            return Decision.unchanged(false); // not due yet: the window stays
        }
        UnitsBack units = UnitsBack.of(order, state);
        return Decision.accept(true, changes -> {
            changes.order(orderId, o -> o.handle(new ExpireOrder(orderId, now)));
            units.applyTo(changes, "expired");
            changes.closePaymentWindow(orderId);
        });
    }
}
