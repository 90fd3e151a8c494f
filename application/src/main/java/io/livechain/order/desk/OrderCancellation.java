package io.livechain.order.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.order.Order;
import io.livechain.order.OrderId;
import io.livechain.order.OrderNotFound;
import io.livechain.order.OrderStatus;
import io.livechain.order.command.CancelOrder;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.InvalidField;
import io.livechain.shared.Limits;

/**
 * The merchant cancels an order before it is packed. Its units go back to the offer and to stock in the same commit,
 * so the answer means the next buyer can have them. Cancelling again answers the same and changes nothing.
 */
public record OrderCancellation(OrderId orderId, ParticipantId merchantId, String reason)
        implements UseCase<OrderStatus> {

    /** An invalid cancellation is refused before the desk sees it. */
    public OrderCancellation {
        InvalidField.requireText(reason, Limits.MAX_REASON_LENGTH, "reason");
    }

    @Override
    public Decision<OrderStatus> decide(DeskState state) {
        Order order = state.order(orderId)
                .filter(found -> found.merchantId().equals(merchantId))
                .orElseThrow(OrderNotFound::new);
        if (order.status() == OrderStatus.CANCELLED) {
            return Decision.unchanged(OrderStatus.CANCELLED);
        }
        order.checkCancellable();
        UnitsBack units = UnitsBack.of(order, state);
        return Decision.accept(OrderStatus.CANCELLED, changes -> {
            changes.order(orderId, o -> o.handle(new CancelOrder(orderId, merchantId, reason)));
            units.applyTo(changes, "cancelled");
            changes.closePaymentWindow(orderId);
        });
    }
}
