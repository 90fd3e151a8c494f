package io.livechain.delivery.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.DELIVERY;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_LINE;
import static io.livechain.infrastructure.jooq.read_model.Tables.ORDER_VIEW;

import io.livechain.delivery.DeliveryStatus;
import io.livechain.delivery.event.ClaimExpired;
import io.livechain.delivery.event.DeliveryAttemptFailed;
import io.livechain.delivery.event.DeliveryClaimed;
import io.livechain.delivery.event.DeliveryCompleted;
import io.livechain.delivery.event.DeliveryEvent;
import io.livechain.delivery.event.DeliveryGivenUp;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.delivery.event.DeliveryPickedUp;
import io.livechain.delivery.event.ReturnConfirmed;
import io.livechain.delivery.query.DeliveryOfferView;
import io.livechain.delivery.query.DeliveryView;
import io.livechain.delivery.query.FindPickList;
import io.livechain.delivery.query.ListCourierDeliveries;
import io.livechain.delivery.query.ListDeliveryOffers;
import io.livechain.delivery.query.PickListEntry;
import io.livechain.infrastructure.jooq.read_model.tables.records.DeliveryRecord;
import io.livechain.infrastructure.projection.Views;
import io.livechain.order.OrderStatus;
import io.livechain.order.ShippingAddress;
import io.livechain.order.StockState;
import io.livechain.shared.Zone;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Deliveries for couriers (offers in their zones, their own deliveries) and the warehouse's pick list. Every
 * delivery event is applied once, guarded by the delivery's sequence number.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class DeliveryProjection {

    private final DSLContext db;

    public DeliveryProjection(DSLContext db) {
        this.db = db;
    }

    /**
     * Every event of the delivery's family, by a switch over the sealed type: a new event does not compile until
     * this view decides what it changes.
     */
    @EventHandler
    void on(DeliveryEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        switch (event) {
            case DeliveryOffered offered -> offered(offered, sequence, at);
            case DeliveryClaimed claimed -> claimed(claimed, sequence, at);
            case ClaimExpired expired -> expired(expired, sequence, at);
            case DeliveryPickedUp pickedUp ->
                setStatus(pickedUp.deliveryId().value(), DeliveryStatus.PICKED_UP, sequence, at);
            case DeliveryCompleted completed ->
                setStatus(completed.deliveryId().value(), DeliveryStatus.DELIVERED, sequence, at);
            case DeliveryAttemptFailed failed -> attemptFailed(failed, sequence, at);
            case DeliveryGivenUp givenUp ->
                setStatus(givenUp.deliveryId().value(), DeliveryStatus.RETURNING, sequence, at);
            case ReturnConfirmed returned ->
                setStatus(returned.deliveryId().value(), DeliveryStatus.RETURNED, sequence, at);
        }
    }

    private void offered(DeliveryOffered event, long sequence, Instant at) {
        if (sequence == 0) {
            db.insertInto(DELIVERY)
                    .set(DELIVERY.ID, event.deliveryId().value())
                    .set(DELIVERY.ORDER_ID, event.orderId().value())
                    .set(DELIVERY.MERCHANT_ID, event.merchantId().value())
                    .set(DELIVERY.WAREHOUSE_ID, event.warehouseId().value())
                    .set(DELIVERY.ZONE, Zone.fold(event.zone()))
                    .set(DELIVERY.PARCELS, event.parcels())
                    .set(DELIVERY.STATUS, DeliveryStatus.OFFERED.name())
                    .set(DELIVERY.FAILED_ATTEMPTS, 0)
                    .set(DELIVERY.OFFERED_AT, utc(at))
                    .set(DELIVERY.UPDATED_AT, utc(at))
                    .set(DELIVERY.LAST_SEQUENCE, sequence)
                    .onConflictDoNothing()
                    .execute();
        } else {
            update(event.deliveryId().value(), sequence, at)
                    .set(DELIVERY.STATUS, DeliveryStatus.OFFERED.name())
                    .setNull(DELIVERY.COURIER_ID)
                    .set(DELIVERY.OFFERED_AT, utc(at))
                    .where(guard(event.deliveryId().value(), sequence))
                    .execute();
        }
    }

    private void claimed(DeliveryClaimed event, long sequence, Instant at) {
        update(event.deliveryId().value(), sequence, at)
                .set(DELIVERY.STATUS, DeliveryStatus.CLAIMED.name())
                .set(DELIVERY.COURIER_ID, event.courierId().value())
                .where(guard(event.deliveryId().value(), sequence))
                .execute();
    }

    private void expired(ClaimExpired event, long sequence, Instant at) {
        update(event.deliveryId().value(), sequence, at)
                .set(DELIVERY.STATUS, DeliveryStatus.OFFERED.name())
                .setNull(DELIVERY.COURIER_ID)
                .set(DELIVERY.OFFERED_AT, utc(at))
                .where(guard(event.deliveryId().value(), sequence))
                .execute();
    }

    private void attemptFailed(DeliveryAttemptFailed event, long sequence, Instant at) {
        update(event.deliveryId().value(), sequence, at)
                .set(DELIVERY.FAILED_ATTEMPTS, event.attempt())
                .where(guard(event.deliveryId().value(), sequence))
                .execute();
    }

    @QueryHandler
    List<DeliveryOfferView> handle(ListDeliveryOffers query) {
        return db.selectFrom(DELIVERY)
                .where(DELIVERY.STATUS.eq(DeliveryStatus.OFFERED.name()))
                .and(DELIVERY.ZONE.in(query.zones().stream().map(Zone::fold).toList()))
                .orderBy(DELIVERY.OFFERED_AT, DELIVERY.ID)
                .limit(500)
                .fetch(row -> new DeliveryOfferView(
                        row.getId(),
                        row.getOrderId(),
                        row.getWarehouseId(),
                        row.getZone(),
                        row.getParcels(),
                        row.getOfferedAt().toInstant()));
    }

    @QueryHandler
    List<DeliveryView> handle(ListCourierDeliveries query) {
        return db.selectFrom(DELIVERY)
                .where(DELIVERY.COURIER_ID.eq(query.courierId().value()))
                .orderBy(DELIVERY.UPDATED_AT.desc(), DELIVERY.ID)
                .limit(500)
                .fetch(DeliveryProjection::toView);
    }

    /**
     * Paid orders with lines held here and not packed yet, none of whose lines still waits for stock: with the lines
     * to pick here (an order held at several warehouses is on each one's list, with its own lines).
     */
    @QueryHandler
    List<PickListEntry> handle(FindPickList query) {
        UUID warehouseId = query.warehouseId().value();
        Condition toPickHere = ORDER_LINE
                .WAREHOUSE_ID
                .eq(warehouseId)
                .and(ORDER_LINE.STOCK.eq(StockState.RESERVED.name()))
                .and(ORDER_LINE.DELIVERY_ID.isNull());
        var here = DSL.selectOne()
                .from(ORDER_LINE)
                .where(ORDER_LINE.ORDER_ID.eq(ORDER_VIEW.ID))
                .and(toPickHere);
        var waiting = DSL.selectOne()
                .from(ORDER_LINE)
                .where(ORDER_LINE.ORDER_ID.eq(ORDER_VIEW.ID))
                .and(ORDER_LINE.STOCK.ne(StockState.RESERVED.name()).or(ORDER_LINE.WAREHOUSE_ID.isNull()));
        var orders = db.selectFrom(ORDER_VIEW)
                .where(ORDER_VIEW.STATUS.eq(OrderStatus.PAID.name()))
                .andExists(here)
                .andNotExists(waiting)
                .orderBy(ORDER_VIEW.CREATED_AT, ORDER_VIEW.ID)
                .limit(500)
                .fetch();
        var lines = orders.isEmpty()
                ? Map.<UUID, List<Record3<UUID, String, Integer>>>of()
                : db
                        .select(ORDER_LINE.ORDER_ID, ORDER_LINE.SKU, ORDER_LINE.QUANTITY)
                        .from(ORDER_LINE)
                        .where(ORDER_LINE.ORDER_ID.in(orders.map(order -> order.getId())))
                        .and(toPickHere)
                        .orderBy(ORDER_LINE.LINE_NO)
                        .stream()
                        .collect(Collectors.groupingBy(Record3::value1));
        return orders.map(order -> new PickListEntry(
                order.getId(),
                order.getMerchantId(),
                lines.getOrDefault(order.getId(), List.of()).stream()
                        .map(line -> new PickListEntry.Line(line.value2(), line.value3()))
                        .toList(),
                new ShippingAddress(
                        order.getShipZone(), order.getShipLine1(), order.getShipCity(), order.getShipRecipient()),
                order.getCreatedAt().toInstant()));
    }

    private void setStatus(UUID deliveryId, DeliveryStatus status, long sequence, Instant at) {
        update(deliveryId, sequence, at)
                .set(DELIVERY.STATUS, status.name())
                .where(guard(deliveryId, sequence))
                .execute();
    }

    private UpdateSetMoreStep<DeliveryRecord> update(UUID deliveryId, long sequence, Instant at) {
        return db.update(DELIVERY).set(DELIVERY.LAST_SEQUENCE, sequence).set(DELIVERY.UPDATED_AT, utc(at));
    }

    private static org.jooq.Condition guard(UUID deliveryId, long sequence) {
        return DELIVERY.ID.eq(deliveryId).and(DELIVERY.LAST_SEQUENCE.lt(sequence));
    }

    private static DeliveryView toView(DeliveryRecord row) {
        return new DeliveryView(
                row.getId(),
                row.getOrderId(),
                row.getWarehouseId(),
                row.getZone(),
                row.getParcels(),
                row.getStatus(),
                row.getCourierId(),
                row.getFailedAttempts(),
                row.getUpdatedAt().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
