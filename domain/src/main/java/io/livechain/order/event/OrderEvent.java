package io.livechain.order.event;

import io.livechain.order.ConcernsOrder;

public sealed interface OrderEvent extends ConcernsOrder
        permits OrderPlaced,
                OrderPaid,
                OrderCancelled,
                OrderExpired,
                OrderPacked,
                OrderOutForDelivery,
                OrderDelivered,
                OrderReturned,
                ShipmentProgressed {}
