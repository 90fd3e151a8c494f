package io.livechain.web.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as sent, never bent to fit: Jackson would otherwise truncate 1.9 to a quantity of 1, read
 * "2" as a number, true or 42 as text, 1 as true, and 1893456000 (or "1893456000") as an instant. Each of these is a
 * 400 naming the field instead ({@link JsonFieldErrors}). The lean order intake reads its body with the same mapper.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer readBodiesAsSent() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // "2" is not a number, "true" not a boolean, 1 not true
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // a number or a boolean is not text
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // an instant is ISO-8601 text, not a count of seconds
                .addModule(new SimpleModule("instants-as-text").addDeserializer(Instant.class, new InstantAsText()));
    }

    /** An instant as ISO-8601 text ({@code 2026-11-27T19:00:00Z}, or with an offset), nothing else. */
    static final class InstantAsText extends StdDeserializer<Instant> {

        InstantAsText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString().strip();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                return (Instant) context.handleWeirdStringValue(
                        Instant.class, text, "not an ISO-8601 instant such as 2026-11-27T19:00:00Z");
            }
        }
    }
}
