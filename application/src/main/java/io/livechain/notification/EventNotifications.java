package io.livechain.notification;

import io.livechain.catalog.event.ProductEvent;
import io.livechain.delivery.event.ClaimExpired;
import io.livechain.delivery.event.ClaimLedgerEvent;
import io.livechain.delivery.event.DeliveryAttemptFailed;
import io.livechain.delivery.event.DeliveryClaimed;
import io.livechain.delivery.event.DeliveryCompleted;
import io.livechain.delivery.event.DeliveryEvent;
import io.livechain.delivery.event.DeliveryGivenUp;
import io.livechain.delivery.event.DeliveryPickedUp;
import io.livechain.delivery.event.ReturnConfirmed;
import io.livechain.forecast.Period;
import io.livechain.forecast.event.DemandForecastPublished;
import io.livechain.forecast.event.ForecastEvent;
import io.livechain.notification.Notification.DeliveryClaimExpired;
import io.livechain.notification.Notification.DeliveryOffered;
import io.livechain.notification.Notification.OrderReadyToPick;
import io.livechain.notification.Notification.OrderStatusChanged;
import io.livechain.notification.Notification.ProductionRevised;
import io.livechain.notification.Notification.StockLow;
import io.livechain.order.OrderId;
import io.livechain.order.OrderStatus;
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
import io.livechain.participant.event.ParticipantEvent;
import io.livechain.production.event.BatchReceived;
import io.livechain.production.event.BatchShipped;
import io.livechain.production.event.ProductionAccepted;
import io.livechain.production.event.ProductionCompleted;
import io.livechain.production.event.ProductionEvent;
import io.livechain.production.event.ProductionRejected;
import io.livechain.production.event.ProductionRequestRevised;
import io.livechain.production.event.ProductionRequested;
import io.livechain.production.event.ProductionStarted;
import io.livechain.sales.event.LiveStreamEvent;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * Turns one stored event into the notifications it makes (none, one or a few), each with its audience and a
 * stable id. Who is told is decided from the event and from what never changes about its aggregate (its first
 * event, see {@link AggregateFacts}); only "ready to pick" asks a read model ({@link PickReadiness}). A new event
 * type does not compile until it is decided here.
 */
public final class EventNotifications {

    private final AggregateFacts facts;
    private final StreamFiguresCounter figures;
    private final PickReadiness pickReadiness;

    public EventNotifications(AggregateFacts facts, StreamFiguresCounter figures, PickReadiness pickReadiness) {
        this.facts = facts;
        this.figures = figures;
        this.pickReadiness = pickReadiness;
    }

    /** The notifications the event stored at {@code position} makes. */
    public List<FeedEntry> map(EventMessage<?> event, long position) {
        var made = new Made(event, position);
        switch (event.getPayload()) {
            case OrderEvent order -> order(order, made);
            case LiveStreamEvent stream -> stream(stream, event, made);
            case InventoryEvent inventory -> inventory(inventory, made);
            case ProductionEvent production -> production(production, made);
            case DeliveryEvent delivery -> delivery(delivery, made);
            case ClaimLedgerEvent ledger -> {
                // the courier's own claims: it made them
            }
            case ParticipantEvent participant -> {
                // the operator's registrations
            }
            case ProductEvent product -> {
                // the merchant defined it
            }
            case ForecastEvent forecast -> forecast(forecast, made);
            default -> {
                // not a domain event of ours
            }
        }
        return made.entries;
    }

    private void order(OrderEvent event, Made made) {
        UUID orderId = event.orderId().value();
        switch (event) {
            case OrderPlaced placed ->
                made.add(
                        new OrderStatusChanged(
                                orderId,
                                OrderStatus.PLACED.name(),
                                placed.liveStreamId().value(),
                                placed.buyerId(),
                                null),
                        Audience.of(placed.merchantId().value()));
            case OrderPaid paid -> {
                status(paid.orderId(), OrderStatus.PAID, null, made);
                readyToPick(paid.orderId(), made);
            }
            case OrderCancelled cancelled ->
                status(cancelled.orderId(), OrderStatus.CANCELLED, cancelled.reason(), made);
            case OrderExpired expired -> status(expired.orderId(), OrderStatus.EXPIRED, null, made);
            case OrderPacked packed -> {
                if (packed.allPacked()) {
                    status(packed.orderId(), OrderStatus.PACKED, null, made);
                }
            }
            case OrderOutForDelivery out -> status(out.orderId(), OrderStatus.OUT_FOR_DELIVERY, null, made);
            case OrderDelivered delivered -> status(delivered.orderId(), OrderStatus.DELIVERED, null, made);
            case OrderReturned returned -> status(returned.orderId(), OrderStatus.RETURNED, null, made);
            case ShipmentProgressed progressed -> {
                // one shipment of several: the order's status changes with the last one (the events above)
            }
        }
    }

    private void status(OrderId orderId, OrderStatus status, String reason, Made made) {
        facts.order(orderId)
                .ifPresent(placed -> made.add(
                        new OrderStatusChanged(
                                orderId.value(),
                                status.name(),
                                placed.liveStreamId().value(),
                                placed.buyerId(),
                                reason),
                        Audience.of(placed.merchantId().value())));
    }

    private void readyToPick(OrderId orderId, Made made) {
        pickReadiness
                .of(orderId.value())
                .ifPresent(ready -> ready.warehouseIds().stream()
                        .sorted()
                        .forEach(warehouseId -> made.add(
                                new OrderReadyToPick(orderId.value(), ready.merchantId(), warehouseId),
                                Audience.of(warehouseId),
                                warehouseId.toString())));
    }

    private void stream(LiveStreamEvent event, EventMessage<?> message, Made made) {
        if (!(message instanceof DomainEventMessage<?> stored)) {
            return;
        }
        figures.after(event, stored.getSequenceNumber())
                .ifPresent(counted -> facts.liveStream(event.liveStreamId())
                        .ifPresent(scheduled -> made.add(
                                counted, Audience.of(scheduled.merchantId().value()))));
    }

    private void inventory(InventoryEvent event, Made made) {
        switch (event) {
            case BackorderPlaced backorder ->
                facts.inventory(backorder.inventoryId())
                        .ifPresent(opened -> made.add(
                                new StockLow(
                                        backorder.sku(),
                                        StockLow.BACKORDERED,
                                        backorder.quantity(),
                                        backorder.orderId().value(),
                                        null,
                                        null,
                                        null),
                                Audience.of(opened.merchantId().value())));
            case BackorderFilled filled -> readyToPick(filled.orderId(), made);
            case InventoryOpened opened -> {
                // the merchant defined the product
            }
            case StockReceived received -> {
                // the warehouse received it
            }
            case StockReserved reserved -> {
                // part of placing an order (order.status_changed)
            }
            case StockReleased released -> {
                // part of cancelling or expiring an order
            }
            case BackorderCancelled cancelled -> {
                // likewise
            }
            case StockShipped shipped -> {
                // part of packing
            }
            case StockReturned returned -> {
                // part of a return
            }
        }
    }

    private void production(ProductionEvent event, Made made) {
        switch (event) {
            case ProductionRequested requested -> {
                made.add(
                        new Notification.ProductionRequested(
                                requested.batchId().value(),
                                requested.merchantId().value(),
                                requested.sku(),
                                requested.quantity(),
                                requested.neededBy()),
                        Audience.of(requested.factoryId().value()));
                made.add(
                        new StockLow(
                                requested.sku(),
                                StockLow.REPLENISHMENT_REQUESTED,
                                requested.quantity(),
                                null,
                                requested.batchId().value(),
                                requested.factoryId().value(),
                                requested.neededBy()),
                        Audience.of(requested.merchantId().value()));
            }
            case ProductionRequestRevised revised ->
                facts.batch(revised.batchId())
                        .ifPresent(requested -> made.add(
                                new ProductionRevised(
                                        revised.batchId().value(),
                                        requested.merchantId().value(),
                                        requested.sku(),
                                        revised.quantity(),
                                        revised.neededBy()),
                                Audience.of(requested.factoryId().value())));
            case ProductionAccepted accepted -> {
                // the factory's own steps
            }
            case ProductionRejected rejected -> {
                // likewise
            }
            case ProductionStarted started -> {
                // likewise
            }
            case ProductionCompleted completed -> {
                // likewise
            }
            case BatchShipped shipped -> {
                // likewise
            }
            case BatchReceived received -> {
                // the warehouse's receipt
            }
        }
    }

    private void forecast(ForecastEvent event, Made made) {
        switch (event) {
            case DemandForecastPublished published -> {
                List<Period> periods = new ArrayList<>(published.hourly());
                periods.addAll(published.daily());
                made.add(
                        new Notification.ForecastUpdated(
                                published.merchantId().value(), published.sku(), published.generatedAt(), periods),
                        Audience.of(published.factoryId().value()));
            }
        }
    }

    private void delivery(DeliveryEvent event, Made made) {
        switch (event) {
            case io.livechain.delivery.event.DeliveryOffered offered ->
                made.add(
                        new DeliveryOffered(
                                offered.deliveryId().value(),
                                offered.orderId().value(),
                                offered.warehouseId().value(),
                                offered.zone()),
                        Audience.couriersOf(offered.zone()));
            case ClaimExpired expired -> {
                made.add(
                        new DeliveryClaimExpired(
                                expired.deliveryId().value(),
                                expired.orderId().value(),
                                expired.courierId().value()),
                        Audience.of(expired.courierId().value()));
                facts.delivery(expired.deliveryId())
                        .ifPresent(offered -> made.add(
                                new DeliveryOffered(
                                        expired.deliveryId().value(),
                                        expired.orderId().value(),
                                        offered.warehouseId().value(),
                                        offered.zone()),
                                Audience.couriersOf(offered.zone())));
            }
            case DeliveryClaimed claimed -> {
                // the courier claimed it
            }
            case DeliveryPickedUp pickedUp -> {
                // the courier's own step (order.status_changed follows)
            }
            case DeliveryCompleted completed -> {
                // likewise
            }
            case DeliveryAttemptFailed failed -> {
                // a new offer follows as its own event
            }
            case DeliveryGivenUp givenUp -> {
                // the order is returned (order.status_changed)
            }
            case ReturnConfirmed confirmed -> {
                // the warehouse's own step
            }
        }
    }

    /** The notifications made so far from one event. */
    private static final class Made {
        private final EventMessage<?> event;
        private final long position;
        private final List<FeedEntry> entries = new ArrayList<>(2);

        Made(EventMessage<?> event, long position) {
            this.event = event;
            this.position = position;
        }

        void add(Notification notification, Audience audience) {
            add(notification, audience, null);
        }

        /** {@code discriminator} tells apart notifications of one type made from one event for different audiences. */
        void add(Notification notification, Audience audience, String discriminator) {
            String key = discriminator == null ? notification.type() : notification.type() + '/' + discriminator;
            Instant at = event.getTimestamp();
            entries.add(new FeedEntry(
                    FeedEntry.idOf(event.getIdentifier(), key),
                    position,
                    at,
                    uuidOf(event.getIdentifier()),
                    notification,
                    audience));
        }

        private static UUID uuidOf(String identifier) {
            try {
                return UUID.fromString(identifier);
            } catch (IllegalArgumentException notUuid) {
                return UUID.nameUUIDFromBytes(identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }
}
