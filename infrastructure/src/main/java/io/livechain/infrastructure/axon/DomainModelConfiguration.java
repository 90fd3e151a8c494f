package io.livechain.infrastructure.axon;

import io.livechain.participant.Participant;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the event-sourced aggregates and sagas with Axon. The domain carries no Spring stereotypes, so they
 * are listed here, in one place.
 */
@Configuration(proxyBeanMethods = false)
public class DomainModelConfiguration {

    @Bean
    public ConfigurerModule aggregates() {
        return configurer -> configurer.configureAggregate(Participant.class);
    }
}
