package io.livechain.web.openapi;

import io.livechain.notification.Notification;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a webhook receiver is sent: one component per notification type ({@code WebhookDelivery.<type>}: the
 * envelope with that type's {@code data}), the envelope of any type ({@code WebhookDelivery}), and each type's data by
 * its record's name. When the document is OpenAPI 3.1, each type is also one of its {@code webhooks}.
 */
final class WebhookPayloads {

    static final String ENVELOPE = "WebhookDelivery";

    private WebhookPayloads() {}

    static void addTo(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        List<Schema> anyType = new ArrayList<>();
        for (Class<?> type : Notification.class.getPermittedSubclasses()) {
            Map<String, Schema> schemas = ModelConverters.getInstance().readAll(new AnnotatedType(type));
            schemas.forEach(components::addSchemas);
            String typeName = typeName(type);
            String name = ENVELOPE + "." + typeName;
            components.addSchemas(name, envelope(typeName, type.getSimpleName()));
            anyType.add(new Schema<>().$ref("#/components/schemas/" + name));
            if (openApi.getOpenapi() != null && openApi.getOpenapi().startsWith("3.1")) {
                openApi.addWebhooks(typeName, webhook(typeName, name));
            }
        }
        components.addSchemas(
                ENVELOPE,
                new Schema<>()
                        .oneOf(anyType)
                        .description("The body of every webhook delivery: one of the notification types."));
    }

    private static String typeName(Class<?> type) {
        try {
            return (String) type.getField("TYPE").get(null);
        } catch (ReflectiveOperationException missing) {
            throw new IllegalStateException(type + " names no TYPE", missing);
        }
    }

    private static Schema<?> envelope(String typeName, String dataSchema) {
        return new ObjectSchema()
                .description("A `" + typeName + "` delivery: POSTed as application/json to the subscription's url,"
                        + " signed (headers webhook-id, webhook-timestamp, webhook-signature)")
                .addProperty(
                        "id",
                        new StringSchema()
                                .description("The notification's stable id, also in webhook-id: the same for every"
                                        + " attempt and every redelivery, to de-duplicate by"))
                .addProperty("type", new StringSchema()._enum(List.of(typeName)))
                .addProperty(
                        "timestamp",
                        new StringSchema().format("date-time").description("When the event behind it was stored"))
                .addProperty(
                        "position",
                        new IntegerSchema()
                                .format("int64")
                                .description("The event's position in the event store: redeliver from it to get it"
                                        + " again"))
                .addProperty("data", new Schema<>().$ref("#/components/schemas/" + dataSchema))
                .required(List.of("id", "type", "timestamp", "position", "data"));
    }

    private static PathItem webhook(String typeName, String schema) {
        var body = new RequestBody()
                .required(true)
                .content(new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
        return new PathItem()
                .post(new Operation()
                        .summary("`" + typeName + "`, delivered to a subscription's url")
                        .addParametersItem(header("webhook-id", "The notification's stable id"))
                        .addParametersItem(header("webhook-timestamp", "Seconds since the epoch, when it was sent"))
                        .addParametersItem(header(
                                "webhook-signature",
                                "v1,<base64 of HMAC-SHA256 over webhook-id.webhook-timestamp.body with the secret's"
                                        + " key>; several, separated by spaces, during a secret's rotation"))
                        .requestBody(body)
                        .responses(new ApiResponses()
                                .addApiResponse(
                                        "2XX",
                                        new ApiResponse().description("Delivered; any other answer is retried"))));
    }

    private static HeaderParameter header(String name, String description) {
        return (HeaderParameter) new HeaderParameter()
                .name(name)
                .required(true)
                .description(description)
                .schema(new StringSchema());
    }
}
