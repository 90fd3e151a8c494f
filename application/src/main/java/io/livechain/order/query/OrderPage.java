package io.livechain.order.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of orders; {@code nextCursor} is null on the last page. */
public record OrderPage(List<OrderView> items, @Nullable String nextCursor) {}
