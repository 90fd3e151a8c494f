package io.livechain.order.query;

import java.util.List;

/** One page of orders; {@code nextCursor} is null on the last page. */
public record OrderPage(List<OrderView> items, String nextCursor) {}
