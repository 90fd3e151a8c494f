package io.livechain.notification.store;

import io.livechain.notification.AggregateFacts;
import io.livechain.notification.EventNotifications;
import io.livechain.notification.NotificationFeed;
import io.livechain.notification.PickReadiness;
import io.livechain.notification.ReadModelsProgress;
import io.livechain.notification.StreamFiguresCounter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification feed, shared by webhooks and Server-Sent Events. */
@Configuration(proxyBeanMethods = false)
public class NotificationFeedConfiguration {

    /** Aggregates whose first event is remembered (whose order, stream, batch, delivery, courier). */
    static final int REMEMBERED_AGGREGATES = 20_000;

    /** Live streams' figures remembered, per stream and sequence number. */
    static final int REMEMBERED_FIGURES = 5_000;

    @Bean
    public AggregateFacts aggregateFacts(EventStorageEngine events) {
        return new AggregateFacts(events, REMEMBERED_AGGREGATES);
    }

    @Bean
    public StreamFiguresCounter streamFiguresCounter(EventStorageEngine events) {
        return new StreamFiguresCounter(events, REMEMBERED_FIGURES);
    }

    @Bean
    public EventNotifications eventNotifications(
            AggregateFacts facts, StreamFiguresCounter figures, PickReadiness pickReadiness) {
        return new EventNotifications(facts, figures, pickReadiness);
    }

    @Bean
    public NotificationFeed notificationFeed(
            EventStorageEngine events,
            EventNotifications notifications,
            ReadModelsProgress readModels,
            AggregateFacts facts) {
        return new NotificationFeed(events, notifications, readModels, facts);
    }
}
