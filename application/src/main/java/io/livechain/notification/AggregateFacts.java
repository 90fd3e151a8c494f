package io.livechain.notification;

import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.order.event.OrderPlaced;
import io.livechain.participant.event.ParticipantRegistered;
import io.livechain.production.event.ProductionRequested;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.stock.event.InventoryOpened;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * What never changes about an aggregate, read from its first stored event (upcast like any other): whose order it
 * is, whose stream, whose inventory, which factory a batch is for, where a delivery is picked up and in which zone,
 * which zones a courier serves. Remembered for the most recently asked aggregates.
 */
public final class AggregateFacts {

    private final EventStorageEngine events;
    private final Map<String, Optional<Object>> firstEvents;

    public AggregateFacts(EventStorageEngine events, int remembered) {
        this.events = events;
        this.firstEvents = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Object>> eldest) {
                return size() > remembered;
            }
        };
    }

    public Optional<OrderPlaced> order(Object orderId) {
        return first(orderId, OrderPlaced.class);
    }

    public Optional<LiveStreamScheduled> liveStream(Object liveStreamId) {
        return first(liveStreamId, LiveStreamScheduled.class);
    }

    public Optional<InventoryOpened> inventory(Object inventoryId) {
        return first(inventoryId, InventoryOpened.class);
    }

    public Optional<ProductionRequested> batch(Object batchId) {
        return first(batchId, ProductionRequested.class);
    }

    public Optional<DeliveryOffered> delivery(Object deliveryId) {
        return first(deliveryId, DeliveryOffered.class);
    }

    public Optional<ParticipantRegistered> participant(Object participantId) {
        return first(participantId, ParticipantRegistered.class);
    }

    private <E> Optional<E> first(Object aggregateId, Class<E> type) {
        String id = aggregateId.toString();
        Optional<Object> known;
        synchronized (firstEvents) {
            known = firstEvents.get(id);
        }
        if (known == null || known.isEmpty()) {
            // an aggregate not stored yet is asked again next time
            known = read(id);
            if (known.isPresent()) {
                synchronized (firstEvents) {
                    firstEvents.put(id, known);
                }
            }
        }
        return known.filter(type::isInstance).map(type::cast);
    }

    private Optional<Object> read(String aggregateId) {
        try (Stream<? extends DomainEventMessage<?>> history =
                events.readEvents(aggregateId, 0).asStream()) {
            return history.findFirst().map(DomainEventMessage::getPayload);
        }
    }
}
