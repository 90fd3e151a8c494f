package io.livechain.web.openapi;

import io.livechain.web.support.DecidedByDesk;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import java.util.Arrays;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The API's description. Each endpoint describes its own success and its own business rules; everything every
 * endpoint shares (authentication, idempotency, correlation, body limits, overload, problem+json) is added here
 * once, so a new endpoint is described truthfully without repeating it.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "LiveChain API",
                        version = "v1",
                        description = "Fulfillment for live-stream commerce: flash-sale orders, stock, factories, "
                                + "warehouses and couriers, with a complete audit trail. Every error is "
                                + "application/problem+json with a stable `type` (see docs/problems.md) and the "
                                + "request's `correlationId`."),
        servers = @Server(url = "/", description = "this server"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "Your API key")
class OpenApiConfiguration {

    private static final Set<RequestMethod> MUTATING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Bean
    RequiredRecordComponents requiredRecordComponents() {
        return new RequiredRecordComponents();
    }

    /** Every controller operation gets the answers it shares with all others. */
    @Bean
    GlobalOperationCustomizer commonAnswers() {
        return (operation, handler) -> CommonAnswers.describe(operation, traitsOf(handler));
    }

    @Bean
    GlobalOpenApiCustomizer commonComponents() {
        return CommonAnswers::addComponents;
    }

    /** What webhook receivers are sent. */
    @Bean
    GlobalOpenApiCustomizer webhookPayloads() {
        return WebhookPayloads::addTo;
    }

    static CommonAnswers.Traits traitsOf(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        boolean mutating = mapping != null && Arrays.stream(mapping.method()).anyMatch(MUTATING::contains);
        MethodParameter[] arguments = handler.getMethodParameters();
        boolean body = Arrays.stream(arguments).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        boolean pathVariables = Arrays.stream(arguments).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean parameters =
                pathVariables || Arrays.stream(arguments).anyMatch(p -> p.hasParameterAnnotation(RequestParam.class));
        return new CommonAnswers.Traits(
                mutating,
                body,
                parameters,
                pathVariables,
                handler.hasMethodAnnotation(DecidedByDesk.class),
                false,
                true);
    }
}
