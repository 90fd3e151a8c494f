package io.livechain.web.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A record's components are required in its schema unless annotated {@code @Nullable}: the request records refuse a
 * missing value (bean validation, or Jackson for primitives), and the answers are rendered without nulls, so a
 * component that can be null is exactly one that can be absent. {@code @NotBlank} and {@code @NotEmpty} also set the
 * minimum length.
 */
final class RequiredRecordComponents implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        if (resolved == null || type.getType() == null) {
            return resolved;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (!raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return resolved;
    }

    private static void describe(Class<?> record, Schema<?> model) {
        List<String> required = model.getRequired() == null ? new ArrayList<>() : new ArrayList<>(model.getRequired());
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            if (!annotated(component, "Nullable") && !required.contains(component.getName())) {
                required.add(component.getName());
            }
            if (annotated(component, NotBlank.class.getSimpleName())
                    || annotated(component, NotEmpty.class.getSimpleName())) {
                atLeastOne(property);
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    /**
     * An annotation of that simple name on the component, its type or its accessor (where a record component's
     * annotations land depends on their targets); any {@code Nullable} counts: JSpecify's, Spring's, Jakarta's.
     */
    private static boolean annotated(RecordComponent component, String simpleName) {
        return named(component, simpleName)
                || named(component.getAnnotatedType(), simpleName)
                || named(component.getAccessor(), simpleName);
    }

    private static boolean named(AnnotatedElement element, String simpleName) {
        return Arrays.stream(element.getAnnotations())
                .map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.getSimpleName().equals(simpleName));
    }

    private static void atLeastOne(Schema<?> property) {
        if (property.get$ref() != null) {
            return;
        }
        if (property.getItems() != null) {
            property.setMinItems(Math.max(1, property.getMinItems() == null ? 0 : property.getMinItems()));
        } else {
            property.setMinLength(Math.max(1, property.getMinLength() == null ? 0 : property.getMinLength()));
        }
    }
}
