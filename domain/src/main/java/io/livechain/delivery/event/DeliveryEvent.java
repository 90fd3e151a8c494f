package io.livechain.delivery.event;

import io.livechain.delivery.DeliveryId;
import io.livechain.order.ConcernsOrder;

public sealed interface DeliveryEvent extends ConcernsOrder
        permits DeliveryOffered,
                DeliveryClaimed,
                ClaimExpired,
                DeliveryPickedUp,
                DeliveryCompleted,
                DeliveryAttemptFailed,
                DeliveryGivenUp,
                ReturnConfirmed {

    DeliveryId deliveryId();
}
