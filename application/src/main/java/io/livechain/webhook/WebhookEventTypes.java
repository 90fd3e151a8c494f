package io.livechain.webhook;

import io.livechain.access.Role;
import io.livechain.notification.Notification;
import java.util.List;

/** Which notifications each role can subscribe to: those about its own objects. */
public final class WebhookEventTypes {

    private WebhookEventTypes() {}

    public static List<String> of(Role role) {
        return switch (role) {
            case MERCHANT ->
                List.of(
                        Notification.OrderStatusChanged.TYPE,
                        Notification.StreamFigures.TYPE,
                        Notification.StockLow.TYPE);
            case FACTORY ->
                List.of(
                        Notification.ProductionRequested.TYPE,
                        Notification.ProductionRevised.TYPE,
                        Notification.ForecastUpdated.TYPE);
            case COURIER -> List.of(Notification.DeliveryOffered.TYPE, Notification.DeliveryClaimExpired.TYPE);
            case WAREHOUSE -> List.of(Notification.OrderReadyToPick.TYPE);
            case ADMIN -> List.of();
        };
    }
}
