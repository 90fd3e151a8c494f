package io.livechain.order.event;

import io.livechain.order.OrderId;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrderPaid(OrderId orderId, BigDecimal amount, String reference) implements OrderEvent {}
