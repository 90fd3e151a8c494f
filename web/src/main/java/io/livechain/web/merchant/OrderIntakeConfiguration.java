package io.livechain.web.merchant;

import io.livechain.access.ApiKeys;
import io.livechain.access.IdempotentRequests;
import io.livechain.desk.AvailabilityBoard;
import io.livechain.desk.Desk;
import io.livechain.web.security.RateLimits;
import io.livechain.web.support.IdempotencyFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Puts the {@link OrderIntake} in front of every other filter, and describes its endpoint in the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OrderIntakeConfiguration {

    @Bean
    FilterRegistrationBean<OrderIntake> orderIntake(
            ApiKeys apiKeys,
            AvailabilityBoard board,
            Desk desk,
            IdempotentRequests idempotentRequests,
            JsonMapper json,
            @Value("${livechain.http.max-body-bytes:1048576}") int maxBodyBytes,
            RateLimits rateLimits,
            MeterRegistry meters) {
        FilterRegistrationBean<OrderIntake> registration = new FilterRegistrationBean<>(
                new OrderIntake(apiKeys, board, desk, idempotentRequests, json, maxBodyBytes, rateLimits, meters));
        registration.addUrlPatterns(OrderIntake.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The intake is a filter, not a controller: its operation is described here. */
    @Bean
    OpenApiCustomizer orderIntakeOperation() {
        return openApi -> {
            ResolvedSchema request = ModelConverters.getInstance().readAllAsResolvedSchema(OrderIntake.NewOrder.class);
            ResolvedSchema placed = ModelConverters.getInstance().readAllAsResolvedSchema(OrderIntake.Placed.class);
            request.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
            placed.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
            openApi.getComponents().addSchemas("NewOrder", request.schema);
            openApi.getComponents().addSchemas("Placed", placed.schema);
            if (openApi.getComponents().getSchemas() == null
                    || !openApi.getComponents().getSchemas().containsKey("ProblemDetail")) {
                ResolvedSchema problemDetail = ModelConverters.getInstance()
                        .readAllAsResolvedSchema(org.springframework.http.ProblemDetail.class);
                problemDetail.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
                openApi.getComponents().addSchemas("ProblemDetail", problemDetail.schema);
            }
            Schema<?> problem = new Schema<>().$ref("#/components/schemas/ProblemDetail");
            ApiResponses responses = new ApiResponses()
                    .addApiResponse(
                            "201",
                            new ApiResponse()
                                    .description("placed: stock RESERVED (awaiting payment) or BACKORDERED")
                                    .addHeaderObject("Location", new Header().schema(new StringSchema()))
                                    .content(json(new Schema<>().$ref("#/components/schemas/Placed"))));
            Map.of(
                            "400", "invalid field, malformed body, or Idempotency-Key missing or invalid",
                            "401", "no or unknown API key",
                            "403", "not a merchant's key",
                            "404", "no such live stream (or another merchant's)",
                            "409", "sold-out, purchase-limit-exceeded or live-stream-not-live",
                            "413", "body too large",
                            "415", "body not JSON",
                            "422", "Idempotency-Key reused with another body",
                            "429",
                                    "rate-limited: this API key sent more orders than its limit; nothing was changed:"
                                            + " retry after Retry-After seconds",
                            "503", "busy: nothing was changed; retry with the same Idempotency-Key after Retry-After")
                    .forEach((status, description) -> responses.addApiResponse(
                            status,
                            new ApiResponse()
                                    .description(description)
                                    .content(new Content()
                                            .addMediaType(
                                                    "application/problem+json", new MediaType().schema(problem)))));
            Operation place = new Operation()
                    .operationId("placeOrder")
                    .summary("Place a buyer's order in a live stream")
                    .description("Every answer is final: 201 with stock RESERVED or BACKORDERED, or a problem. A"
                            + " retry with the same Idempotency-Key returns the first answer.")
                    .tags(List.of("Merchant: orders"))
                    .addParametersItem(new HeaderParameter()
                            .name(IdempotencyFilter.HEADER)
                            .required(true)
                            .schema(new StringSchema().minLength(1).maxLength(255)))
                    .requestBody(new RequestBody()
                            .required(true)
                            .content(json(new Schema<>().$ref("#/components/schemas/NewOrder"))))
                    .responses(responses);
            PathItem path = openApi.getPaths().computeIfAbsent(OrderIntake.PATH, any -> new PathItem());
            path.setPost(place);
        };
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }
}
