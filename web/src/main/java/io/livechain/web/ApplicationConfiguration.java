package io.livechain.web;

import io.livechain.access.ApiKeys;
import io.livechain.access.ParticipantRegistration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application services (framework-free classes of the application module). */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    ParticipantRegistration participantRegistration(CommandGateway commands, ApiKeys apiKeys) {
        return new ParticipantRegistration(commands, apiKeys);
    }
}
