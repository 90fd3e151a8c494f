package io.livechain.web.merchant;

import io.livechain.access.IdempotentRequests;
import io.livechain.desk.AvailabilityBoard;
import io.livechain.desk.Desk;
import io.livechain.web.openapi.CommonAnswers;
import io.livechain.web.security.KeyCheck;
import io.livechain.web.security.RateLimits;
import io.livechain.web.support.HttpProperties;
import io.livechain.web.warroom.IntakeWatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
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
            KeyCheck keys,
            AvailabilityBoard board,
            Desk desk,
            IdempotentRequests idempotentRequests,
            JsonMapper json,
            HttpProperties http,
            RateLimits rateLimits,
            MeterRegistry meters,
            Clock clock,
            IntakeWatch watch) {
        FilterRegistrationBean<OrderIntake> registration = new FilterRegistrationBean<>(new OrderIntake(
                keys, board, desk, idempotentRequests, json, http.maxBodyBytes(), rateLimits, meters, clock, watch));
        registration.addUrlPatterns(OrderIntake.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The intake is a filter, not a controller: its operation is described here, with the answers all share. */
    @Bean
    OpenApiCustomizer orderIntakeOperation(SpringDocConfigProperties springDoc) {
        return openApi -> {
            ModelConverters converters = ModelConverters.getInstance(springDoc.isOpenapi31());
            ResolvedSchema request = converters.readAllAsResolvedSchema(OrderIntake.NewOrder.class);
            ResolvedSchema placed = converters.readAllAsResolvedSchema(OrderIntake.Placed.class);
            request.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
            placed.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
            openApi.getComponents().addSchemas("NewOrder", request.schema);
            openApi.getComponents().addSchemas("Placed", placed.schema);
            ApiResponses responses = new ApiResponses()
                    .addApiResponse(
                            "201",
                            new ApiResponse()
                                    .description("Placed: stock RESERVED (awaiting payment until paymentDueAt) or"
                                            + " BACKORDERED.")
                                    .content(json(new Schema<>().$ref("#/components/schemas/Placed"))))
                    .addApiResponse(
                            "400",
                            new ApiResponse()
                                    .description("`invalid-order`: the order breaks a rule of orders (a buyerId"
                                            + " that is not 1 to 64 letters, digits, '.', '_' or '-'; a total above"
                                            + " the maximum)."))
                    .addApiResponse(
                            "409",
                            new ApiResponse()
                                    .description("`sold-out`: the offer cannot admit the units, and it takes no"
                                            + " backorders. `purchase-limit-exceeded`: the buyer would hold more"
                                            + " than the offer's perBuyerLimit. `live-stream-not-live`: the live"
                                            + " stream is not on air."))
                    .addApiResponse(
                            "422",
                            new ApiResponse()
                                    .description("`unknown-live-stream`: liveStreamId names none of your live"
                                            + " streams. `unknown-sku`: a line's SKU is not offered in this live"
                                            + " stream."));
            Operation place = new Operation()
                    .operationId("placeOrder")
                    .summary("Place a buyer's order in a live stream")
                    .description("Every answer is final: 201 with stock RESERVED or BACKORDERED, or a problem. A"
                            + " retry with the same Idempotency-Key returns the first answer and changes nothing.")
                    .tags(List.of("Merchant: orders"))
                    .requestBody(new RequestBody()
                            .required(true)
                            .content(json(new Schema<>().$ref("#/components/schemas/NewOrder"))))
                    .responses(responses);
            CommonAnswers.describe(
                    place,
                    new CommonAnswers.Traits(
                            /* mutating */ true,
                            /* body */ true,
                            /* parameters */ false,
                            /* pathVariables */ false,
                            /* decidedByDesk */ true,
                            /* idempotencyKeyRequired */ true,
                            /* negotiatesContent: the intake answers JSON whatever Accept says */ false));
            PathItem path = openApi.getPaths().computeIfAbsent(OrderIntake.PATH, any -> new PathItem());
            path.setPost(place);
        };
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }
}
