package io.livechain.order.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.DELIVERY;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_LINE;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_SHIPMENT;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import io.livechain.infrastructure.jooq.read_model.tables.records.DeliveryRecord;
import io.livechain.infrastructure.jooq.read_model.tables.records.OrderLineRecord;
import io.livechain.infrastructure.jooq.read_model.tables.records.OrderViewRecord;
import io.livechain.infrastructure.projection.BatchWrites;
import io.livechain.infrastructure.projection.Views;
import io.livechain.order.ConcernsOrder;
import io.livechain.order.OrderId;
import io.livechain.order.OrderLine;
import io.livechain.order.OrderStatus;
import io.livechain.order.ShippingAddress;
import io.livechain.order.StockState;
import io.livechain.order.event.OrderCancelled;
import io.livechain.order.event.OrderDelivered;
import io.livechain.order.event.OrderEvent;
import io.livechain.order.event.OrderExpired;
import io.livechain.order.event.OrderOutForDelivery;
import io.livechain.order.event.OrderPacked;
import io.livechain.order.event.OrderPaid;
import io.livechain.order.event.OrderPlaced;
import io.livechain.order.event.OrderReturned;
import io.livechain.order.event.ShipmentProgressed;
import io.livechain.order.query.FindOrder;
import io.livechain.order.query.InvalidCursor;
import io.livechain.order.query.ListOrders;
import io.livechain.order.query.OrderDeliveryView;
import io.livechain.order.query.OrderPage;
import io.livechain.order.query.OrderView;
import io.livechain.order.query.OrderView.OrderLineView;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Limits;
import io.livechain.stock.event.BackorderCancelled;
import io.livechain.stock.event.BackorderFilled;
import io.livechain.stock.event.BackorderPlaced;
import io.livechain.stock.event.InventoryEvent;
import io.livechain.stock.event.InventoryOpened;
import io.livechain.stock.event.StockReceived;
import io.livechain.stock.event.StockReleased;
import io.livechain.stock.event.StockReserved;
import io.livechain.stock.event.StockReturned;
import io.livechain.stock.event.StockShipped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/**
 * Orders as their merchants see them, with their lines, and the questions about them. The Order aggregate's events
 * are applied once each, guarded by its sequence number ({@code last_sequence}); the inventory's events set where
 * a line's units stand (reserved at a warehouse, backordered, released), overwrites that are harmless to repeat.
 * An order's overall stock is not stored but derived from its lines when read.
 *
 * <p>Those overwrites must come in the order they happened, yet they belong to other aggregates than the order:
 * the views' processing group therefore sequences events per order (see {@link #sequenceOf}), so all of one
 * order's events are handled by the same segment, in the order they were stored.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class OrderProjection {

    private final DSLContext db;

    public OrderProjection(DSLContext db) {
        this.db = db;
    }

    /** One sequence per order, whichever aggregate the event comes from; other events keep the default policy. */
    public static Object sequenceOf(EventMessage<?> message) {
        if (message.getPayload() instanceof ConcernsOrder event) {
            return event.orderId().toString();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(message);
    }

    /**
     * Every event of the order's family, by a switch over the sealed type: a new event does not compile until this
     * view decides what it changes. Each is applied once, guarded by the order's sequence number.
     */
    @EventHandler
    void on(OrderEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        switch (event) {
            case OrderPlaced placed -> placed(placed, sequence, occurredAt);
            case OrderPaid paid -> setStatus(paid.orderId(), OrderStatus.PAID, sequence, occurredAt);
            case OrderCancelled cancelled ->
                setStatus(cancelled.orderId(), OrderStatus.CANCELLED, sequence, occurredAt);
            case OrderExpired expired -> setStatus(expired.orderId(), OrderStatus.EXPIRED, sequence, occurredAt);
            case OrderPacked packed -> packed(packed, sequence, occurredAt);
            case OrderOutForDelivery outForDelivery ->
                setStatus(outForDelivery.orderId(), OrderStatus.OUT_FOR_DELIVERY, sequence, occurredAt);
            case OrderDelivered delivered ->
                setStatus(delivered.orderId(), OrderStatus.DELIVERED, sequence, occurredAt);
            case OrderReturned returned -> setStatus(returned.orderId(), OrderStatus.RETURNED, sequence, occurredAt);
            case ShipmentProgressed progressed -> shipmentProgressed(progressed, sequence, occurredAt);
        }
    }

    private void placed(OrderPlaced event, long sequence, Instant occurredAt) {
        ShippingAddress address = event.shippingAddress();
        List<?> order = Arrays.asList(
                event.orderId().value(),
                event.merchantId().value(),
                event.liveStreamId().value(),
                event.buyerId(),
                OrderStatus.PLACED.name(),
                address == null ? null : address.zone(),
                address == null ? null : address.line1(),
                address == null ? null : address.city(),
                address == null ? null : address.recipient(),
                event.total(),
                utc(event.paymentDueAt()),
                // milliseconds, the precision of the list cursor
                utc(event.placedAt().truncatedTo(ChronoUnit.MILLIS)),
                utc(occurredAt),
                sequence);
        inBatch(pending -> pending.placed(order, event));
    }

    /** Every other change of the batch, in the order it happened, after the batch's new orders. */
    private void write(Query query) {
        inBatch(pending -> pending.changes.add(query));
    }

    /** The writes of the current batch of events go to the database together when the batch commits. */
    private void inBatch(Consumer<Pending> write) {
        BatchWrites.with(OrderProjection.class.getName(), Pending::new, Pending::flush, write);
    }

    /**
     * A flash sale's batch is mostly new orders: they are inserted with one multi-row statement for the orders and
     * one for their lines. An order's later changes (paid, packed...) can only follow its placement, so running
     * them after the inserts keeps every order's history in order.
     */
    private final class Pending {

        private final List<List<?>> orders = new ArrayList<>();
        private final List<List<?>> lines = new ArrayList<>();
        private final List<Query> changes = new ArrayList<>();

        void placed(List<?> order, OrderPlaced event) {
            orders.add(order);
            for (int i = 0; i < event.lines().size(); i++) {
                OrderLine line = event.lines().get(i);
                lines.add(Arrays.asList(
                        event.orderId().value(),
                        line.sku(),
                        i + 1,
                        line.quantity(),
                        line.unitPrice(),
                        line.stock().name(),
                        value(line.warehouseId()),
                        event.liveStreamId().value(),
                        event.merchantId().value()));
            }
        }

        void flush() {
            List<Query> all = new ArrayList<>();
            if (!orders.isEmpty()) {
                var insert = db.insertInto(
                        ORDER_VIEW,
                        List.of(
                                ORDER_VIEW.ID,
                                ORDER_VIEW.MERCHANT_ID,
                                ORDER_VIEW.LIVE_STREAM_ID,
                                ORDER_VIEW.BUYER_ID,
                                ORDER_VIEW.STATUS,
                                ORDER_VIEW.SHIP_ZONE,
                                ORDER_VIEW.SHIP_LINE1,
                                ORDER_VIEW.SHIP_CITY,
                                ORDER_VIEW.SHIP_RECIPIENT,
                                ORDER_VIEW.TOTAL,
                                ORDER_VIEW.PAYMENT_DUE_AT,
                                ORDER_VIEW.CREATED_AT,
                                ORDER_VIEW.UPDATED_AT,
                                ORDER_VIEW.LAST_SEQUENCE));
                orders.forEach(insert::values);
                all.add(insert.onConflictDoNothing());
            }
            if (!lines.isEmpty()) {
                var insert = db.insertInto(
                        ORDER_LINE,
                        List.of(
                                ORDER_LINE.ORDER_ID,
                                ORDER_LINE.SKU,
                                ORDER_LINE.LINE_NO,
                                ORDER_LINE.QUANTITY,
                                ORDER_LINE.UNIT_PRICE,
                                ORDER_LINE.STOCK,
                                ORDER_LINE.WAREHOUSE_ID,
                                ORDER_LINE.LIVE_STREAM_ID,
                                ORDER_LINE.MERCHANT_ID));
                lines.forEach(insert::values);
                all.add(insert.onConflictDoNothing());
            }
            all.addAll(changes);
            if (all.size() == 1) {
                all.getFirst().execute();
            } else if (!all.isEmpty()) {
                db.batch(all).execute();
            }
        }
    }

    /** A shipment: its lines know their delivery, the order keeps its code, and it is PACKED once all lines are. */
    private void packed(OrderPacked event, long sequence, Instant occurredAt) {
        UUID orderId = event.orderId().value();
        write(db.insertInto(ORDER_SHIPMENT)
                .set(ORDER_SHIPMENT.DELIVERY_ID, event.deliveryId())
                .set(ORDER_SHIPMENT.ORDER_ID, orderId)
                .set(ORDER_SHIPMENT.DELIVERY_CODE, event.deliveryCode())
                .onConflictDoNothing());
        write(db.update(ORDER_LINE)
                .set(ORDER_LINE.DELIVERY_ID, event.deliveryId())
                .where(ORDER_LINE.ORDER_ID.eq(orderId))
                .and(event.skus() == null ? noCondition() : ORDER_LINE.SKU.in(event.skus())));
        write(db.update(ORDER_VIEW)
                .set(ORDER_VIEW.STATUS, event.allPacked() ? OrderStatus.PACKED.name() : OrderStatus.PAID.name())
                .set(ORDER_VIEW.UPDATED_AT, utc(occurredAt))
                .set(ORDER_VIEW.LAST_SEQUENCE, sequence)
                .where(ORDER_VIEW.ID.eq(orderId))
                .and(ORDER_VIEW.LAST_SEQUENCE.lt(sequence)));
    }

    /** One shipment moved while the order waits for another: its delivery shows it; the order was updated. */
    private void shipmentProgressed(ShipmentProgressed event, long sequence, Instant occurredAt) {
        write(db.update(ORDER_VIEW)
                .set(ORDER_VIEW.UPDATED_AT, utc(occurredAt))
                .set(ORDER_VIEW.LAST_SEQUENCE, sequence)
                .where(ORDER_VIEW.ID.eq(event.orderId().value()))
                .and(ORDER_VIEW.LAST_SEQUENCE.lt(sequence)));
    }

    private void setStatus(OrderId orderId, OrderStatus status, long sequence, Instant occurredAt) {
        write(db.update(ORDER_VIEW)
                .set(ORDER_VIEW.STATUS, status.name())
                .set(ORDER_VIEW.UPDATED_AT, utc(occurredAt))
                .set(ORDER_VIEW.LAST_SEQUENCE, sequence)
                .where(ORDER_VIEW.ID.eq(orderId.value()))
                .and(ORDER_VIEW.LAST_SEQUENCE.lt(sequence)));
    }

    /**
     * Every event of the inventories' family: those that move an order line's units after the order was placed set
     * where they stand; the others change no order's view (a reservation or backorder at placement is already in the
     * placed order's lines, and the stock counts are the stock view's).
     */
    @EventHandler
    void on(InventoryEvent event, @Timestamp Instant occurredAt) {
        switch (event) {
            case BackorderFilled filled ->
                setLineStock(
                        filled.orderId(), filled.sku(), StockState.RESERVED, value(filled.warehouseId()), occurredAt);
            case StockReleased released ->
                setLineStock(
                        released.orderId(),
                        released.sku(),
                        StockState.RELEASED,
                        value(released.warehouseId()),
                        occurredAt);
            case BackorderCancelled cancelled ->
                setLineStock(cancelled.orderId(), cancelled.sku(), StockState.RELEASED, null, occurredAt);
            case InventoryOpened _,
                    StockReceived _,
                    StockReserved _,
                    BackorderPlaced _,
                    StockShipped _,
                    StockReturned _ -> {}
        }
    }

    /**
     * Where a line's units stand after the order was placed. (A reservation or backorder at placement, which the
     * desk applies just before the order itself, is already in the placed order's lines: it is not handled here.)
     * Setting the same state twice is harmless.
     */
    private void setLineStock(OrderId orderId, String sku, StockState stock, UUID warehouseId, Instant occurredAt) {
        write(db.update(ORDER_LINE)
                .set(ORDER_LINE.STOCK, stock.name())
                .set(ORDER_LINE.WAREHOUSE_ID, warehouseId)
                .where(ORDER_LINE.ORDER_ID.eq(orderId.value()))
                .and(ORDER_LINE.SKU.eq(sku)));
        write(db.update(ORDER_VIEW)
                .set(ORDER_VIEW.UPDATED_AT, greatest(ORDER_VIEW.UPDATED_AT, val(utc(occurredAt))))
                .where(ORDER_VIEW.ID.eq(orderId.value())));
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrder query) {
        return db.selectFrom(ORDER_VIEW)
                .where(ORDER_VIEW.ID.eq(query.orderId().value()))
                .and(ORDER_VIEW.MERCHANT_ID.eq(query.merchantId().value()))
                .fetchOptional()
                .map(order -> {
                    Map<UUID, List<OrderLineRecord>> lines = linesOf(List.of(order.getId()));
                    return toView(
                            order,
                            lines.getOrDefault(order.getId(), List.of()),
                            deliveriesOf(List.of(order.getId()), lines).getOrDefault(order.getId(), List.of()));
                });
    }

    /** Newest first; the cursor is the (created_at, id) of the last order of the previous page. */
    @QueryHandler
    OrderPage handle(ListOrders query) {
        int limit = query.limit();
        Condition after = Cursor.decode(query.after())
                .map(cursor -> row(ORDER_VIEW.CREATED_AT, ORDER_VIEW.ID).lt(cursor.createdAt(), cursor.id()))
                .orElse(noCondition());
        List<OrderViewRecord> rows = db.selectFrom(ORDER_VIEW)
                .where(ORDER_VIEW.MERCHANT_ID.eq(query.merchantId().value()))
                .and(query.liveStreamId() == null ? noCondition() : ORDER_VIEW.LIVE_STREAM_ID.eq(query.liveStreamId()))
                .and(query.status() == null ? noCondition() : ORDER_VIEW.STATUS.eq(query.status()))
                .and(after)
                .orderBy(ORDER_VIEW.CREATED_AT.desc(), ORDER_VIEW.ID.desc())
                .limit(limit + 1)
                .fetch();
        boolean more = rows.size() > limit;
        List<OrderViewRecord> page = more ? rows.subList(0, limit) : rows;
        List<UUID> ids = page.stream().map(OrderViewRecord::getId).toList();
        Map<UUID, List<OrderLineRecord>> lines = linesOf(ids);
        Map<UUID, List<OrderDeliveryView>> deliveries = deliveriesOf(ids, lines);
        List<OrderView> items = page.stream()
                .map(order -> toView(
                        order,
                        lines.getOrDefault(order.getId(), List.of()),
                        deliveries.getOrDefault(order.getId(), List.of())))
                .toList();
        String nextCursor = more ? Cursor.of(page.getLast()).encode() : null;
        return new OrderPage(items, nextCursor);
    }

    private Map<UUID, List<OrderLineRecord>> linesOf(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return db
                .selectFrom(ORDER_LINE)
                .where(ORDER_LINE.ORDER_ID.in(orderIds))
                .orderBy(ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO)
                .stream()
                .collect(Collectors.groupingBy(OrderLineRecord::getOrderId, Collectors.toList()));
    }

    /** The deliveries of each order, one per shipment, with the buyer's codes (kept with the order). */
    private Map<UUID, List<OrderDeliveryView>> deliveriesOf(
            List<UUID> orderIds, Map<UUID, List<OrderLineRecord>> lines) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return db
                .select(DELIVERY.asterisk(), ORDER_SHIPMENT.DELIVERY_CODE)
                .from(DELIVERY)
                .leftJoin(ORDER_SHIPMENT)
                .on(ORDER_SHIPMENT.DELIVERY_ID.eq(DELIVERY.ID))
                .where(DELIVERY.ORDER_ID.in(orderIds))
                .orderBy(DELIVERY.OFFERED_AT, DELIVERY.ID)
                .stream()
                .map(row -> {
                    DeliveryRecord delivery = row.into(DELIVERY);
                    List<String> skus = lines.getOrDefault(delivery.getOrderId(), List.of()).stream()
                            .filter(line -> delivery.getId().equals(line.getDeliveryId()))
                            .map(OrderLineRecord::getSku)
                            .toList();
                    return new OrderDeliveryView(
                            delivery.getId(),
                            delivery.getOrderId(),
                            delivery.getWarehouseId(),
                            skus,
                            delivery.getZone(),
                            delivery.getParcels(),
                            delivery.getStatus(),
                            delivery.getCourierId(),
                            delivery.getFailedAttempts(),
                            row.get(ORDER_SHIPMENT.DELIVERY_CODE),
                            delivery.getUpdatedAt().toInstant());
                })
                .collect(Collectors.groupingBy(OrderDeliveryView::orderId));
    }

    private static OrderView toView(
            OrderViewRecord order, List<OrderLineRecord> lines, List<OrderDeliveryView> deliveries) {
        return new OrderView(
                order.getId(),
                order.getStatus(),
                stockOf(lines),
                order.getLiveStreamId(),
                order.getBuyerId(),
                lines.stream().map(OrderProjection::toView).toList(),
                addressOf(order),
                order.getTotal(),
                order.getPaymentDueAt().toInstant(),
                deliveries.size() == 1 ? deliveries.getFirst() : null,
                deliveries,
                order.getCreatedAt().toInstant(),
                order.getUpdatedAt().toInstant());
    }

    private static OrderLineView toView(OrderLineRecord line) {
        return new OrderLineView(
                line.getSku(),
                line.getQuantity(),
                line.getUnitPrice(),
                line.getStock(),
                line.getWarehouseId(),
                line.getDeliveryId());
    }

    /** RELEASED once every line gave its units back, BACKORDERED while any line waits, else RESERVED. */
    static String stockOf(List<OrderLineRecord> lines) {
        if (!lines.isEmpty()
                && lines.stream().allMatch(line -> StockState.RELEASED.name().equals(line.getStock()))) {
            return StockState.RELEASED.name();
        }
        if (lines.stream().anyMatch(line -> StockState.BACKORDERED.name().equals(line.getStock()))) {
            return StockState.BACKORDERED.name();
        }
        return StockState.RESERVED.name();
    }

    private static ShippingAddress addressOf(OrderViewRecord order) {
        if (order.getShipZone() == null
                && order.getShipLine1() == null
                && order.getShipCity() == null
                && order.getShipRecipient() == null) {
            return null;
        }
        return new ShippingAddress(
                order.getShipZone(), order.getShipLine1(), order.getShipCity(), order.getShipRecipient());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UUID value(ParticipantId id) {
        return id == null ? null : id.value();
    }

    /** Where a page ended: opaque to callers, base64url of {@code epochMillis:uuid}. */
    record Cursor(OffsetDateTime createdAt, UUID id) {

        static Cursor of(OrderViewRecord order) {
            return new Cursor(order.getCreatedAt(), order.getId());
        }

        String encode() {
            String plain = createdAt.toInstant().toEpochMilli() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        /** Empty for the first page; a cursor this class did not make is rejected. */
        static Optional<Cursor> decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return Optional.empty();
            }
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
                int colon = plain.indexOf(':');
                Instant createdAt = Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon)));
                UUID id = UUID.fromString(plain.substring(colon + 1));
                if (!Limits.isKeepable(createdAt)) {
                    throw new InvalidCursor(); // no order was placed then: the database could not even compare it
                }
                return Optional.of(new Cursor(utc(createdAt), id));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new InvalidCursor();
            }
        }
    }
}
