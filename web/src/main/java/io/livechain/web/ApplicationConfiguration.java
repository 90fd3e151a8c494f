package io.livechain.web;

import io.livechain.access.ApiKeys;
import io.livechain.access.ParticipantRegistration;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application services (framework-free classes of the application module) and the API's description. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "LiveChain API",
                        version = "v1",
                        description = "Fulfillment for live-stream commerce: flash-sale orders, stock, factories, "
                                + "warehouses and couriers, with a complete audit trail."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "Your API key")
class ApplicationConfiguration {

    @Bean
    ParticipantRegistration participantRegistration(CommandGateway commands, ApiKeys apiKeys) {
        return new ParticipantRegistration(commands, apiKeys);
    }
}
