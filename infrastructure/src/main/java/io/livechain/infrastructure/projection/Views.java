package io.livechain.infrastructure.projection;

import io.livechain.order.projection.OrderProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every jOOQ read model is written by one event processor, {@value #PROCESSING_GROUP}: the event store is read once
 * and each event deserialized once for all of them, instead of once per projection. A flash sale writes thousands
 * of events a second; a dozen processors each reading, deserializing and dispatching every one of them cost more
 * than the sale itself. Sagas and policies that send commands keep processors of their own, and so do the demand
 * forecasts, which compute more than they write ({@code ForecastProjection}).
 *
 * <p>A failing event is dead-lettered per sequence (per order, else per aggregate), so it holds back only the
 * later events of that order or aggregate; every other tenant's views stay current.
 */
@Configuration(proxyBeanMethods = false)
public class Views {

    public static final String PROCESSING_GROUP = "views";

    /** One sequence per order, whichever aggregate the event comes from; other events one per aggregate. */
    @Bean
    static ConfigurerModule viewsSequencedPerOrder() {
        return configurer -> configurer
                .eventProcessing()
                .registerSequencingPolicy(PROCESSING_GROUP, config -> OrderProjection::sequenceOf);
    }
}
