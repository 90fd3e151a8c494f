package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.livechain.catalog.event.ProductDefined;
import io.livechain.forecast.Period;
import io.livechain.infrastructure.axon.upcasting.JsonEventUpcaster;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The regression net of the events' stored shape. Every event type keeps one stored JSON sample per revision under
 * {@code src/test/resources/event-samples/}: today's revision must read back and write out exactly as stored (a
 * renamed, removed or added field fails here, before any stored event is unreadable), and every older revision must
 * still be read, through the upcasters, as today's record.
 *
 * <p>A new event type (or a new revision) gets its sample with {@code -Dlivechain.event-samples.write=true}: it is
 * written from a generated instance; review it and commit it.
 */
class EventSchemaIT extends PlatformIT {

    private static final Path SAMPLES = Path.of("src/test/resources/event-samples");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired(required = false)
    List<EventUpcaster> upcasters = List.of();

    @Test
    void every_event_type_reads_back_its_stored_sample_of_todays_revision_unchanged() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Class<?> eventType : eventTypes()) {
            String revision = eventType.getAnnotation(Revision.class).value();
            Path sample = sample(eventType, revision);
            if (!Files.exists(sample)) {
                if (Boolean.getBoolean("livechain.event-samples.write")) {
                    write(sample, serializer.serialize(SampleEvents.of(eventType), byte[].class));
                    continue;
                }
                failures.add(eventType.getName() + ": no stored sample of revision " + revision + " (" + sample
                        + "); write one with -Dlivechain.event-samples.write=true, review it, commit it");
                continue;
            }
            byte[] stored = Files.readAllBytes(sample);
            Object event = serializer.deserialize(
                    new SimpleSerializedObject<>(stored, byte[].class, eventType.getName(), revision));
            JsonNode writtenAgain =
                    JSON.readTree(serializer.serialize(event, byte[].class).getData());
            if (!writtenAgain.equals(JSON.readTree(stored))) {
                failures.add(eventType.getName() + " revision " + revision
                        + " no longer has the stored shape: bump its @Revision, add a JsonEventUpcaster from the"
                        + " old revision, and a sample of the new one.\n  stored:  " + JSON.readTree(stored)
                        + "\n  now:     " + writtenAgain);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void every_older_revision_sample_is_read_as_todays_record() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Class<?> eventType : eventTypes()) {
            String current = eventType.getAnnotation(Revision.class).value();
            for (Map.Entry<String, Path> older :
                    olderSamples(eventType, current).entrySet()) {
                try {
                    Object event = upcastAndRead(
                            new EventUpcasterChain(upcasters), eventType, older.getKey(), older.getValue());
                    assertThat(event).isInstanceOf(eventType);
                } catch (RuntimeException | AssertionError failure) {
                    failures.add(eventType.getName() + " revision " + older.getKey() + ": " + failure);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_json_event_upcaster_reads_an_older_shape_as_todays_record() throws IOException {
        // given a product defined in a made-up older shape, where the name was called "title"
        ObjectNode older = (ObjectNode) JSON.readTree(Files.readAllBytes(sample(ProductDefined.class, "1")));
        older.set("title", older.remove("name"));
        Path olderSample = Files.createTempFile("ProductDefined.r0", ".json");
        Files.write(olderSample, JSON.writeValueAsBytes(older));
        // when it is read through an upcaster from that shape
        JsonEventUpcaster titleBecameName = new JsonEventUpcaster(ProductDefined.class, "0", "1") {
            @Override
            protected void upcast(ObjectNode payload) {
                payload.set("name", payload.remove("title"));
            }
        };
        Object event = upcastAndRead(new EventUpcasterChain(titleBecameName), ProductDefined.class, "0", olderSample);
        // then it is today's record, with the name
        assertThat(event)
                .isInstanceOfSatisfying(
                        ProductDefined.class,
                        product -> assertThat(product.name())
                                .isEqualTo(older.get("title").asString()));
    }

    private Object upcastAndRead(EventUpcasterChain chain, Class<?> eventType, String revision, Path sample)
            throws IOException {
        var entry = new GenericDomainEventEntry<>(
                "Sample",
                UUID.randomUUID().toString(),
                0,
                UUID.randomUUID().toString(),
                Instant.parse("2026-01-01T00:00:00Z"),
                eventType.getName(),
                revision,
                Files.readAllBytes(sample),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = chain.upcast(
                        Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(upcast).hasSize(1);
        SerializedObject<?> data = upcast.getFirst().getData();
        return serializer.deserialize(data);
    }

    private static List<Class<?>> eventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<Class<?>> types = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("io.livechain")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.getPackageName().endsWith(".event")) {
                    types.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(types).as("event types found").isNotEmpty();
        return types;
    }

    private static Path sample(Class<?> eventType, String revision) {
        return SAMPLES.resolve(context(eventType)).resolve(eventType.getSimpleName() + ".r" + revision + ".json");
    }

    private static Map<String, Path> olderSamples(Class<?> eventType, String current) throws IOException {
        Map<String, Path> older = new TreeMap<>();
        Path folder = SAMPLES.resolve(context(eventType));
        if (!Files.isDirectory(folder)) {
            return older;
        }
        String prefix = eventType.getSimpleName() + ".r";
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".json")) {
                    String revision = name.substring(prefix.length(), name.length() - ".json".length());
                    if (!revision.equals(current)) {
                        older.put(revision, file);
                    }
                }
            });
        }
        return older;
    }

    /** {@code io.livechain.sales.event.X} is kept under {@code sales/}. */
    private static String context(Class<?> eventType) {
        String name = eventType.getPackageName();
        return name.substring("io.livechain.".length(), name.length() - ".event".length());
    }

    private static void write(Path sample, SerializedObject<byte[]> serialized) throws IOException {
        Files.createDirectories(sample.getParent());
        Files.writeString(
                sample,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(serialized.getData())) + "\n");
    }

    /** Instances of event records with plausible values, for the first sample of a new event type. */
    static final class SampleEvents {

        private static final Set<String> ZONE_NAMES = Set.of("zone");

        static Object of(Class<?> type) {
            return value(type, type, "event");
        }

        private static Object value(Class<?> type, Type generic, String name) {
            if (type == String.class) {
                return text(name);
            }
            if (type == int.class || type == Integer.class) {
                return 3;
            }
            if (type == long.class || type == Long.class) {
                return 7L;
            }
            if (type == boolean.class || type == Boolean.class) {
                return true;
            }
            if (type == BigDecimal.class) {
                return new BigDecimal("19.90");
            }
            if (type == Instant.class) {
                return Instant.parse("2026-11-27T19:00:00Z");
            }
            if (type == Duration.class) {
                return Duration.ofMinutes(30);
            }
            if (type == Period.class) {
                // a period ends after it starts, and holds its expected value between low and high
                Instant start = Instant.parse("2026-11-27T19:00:00Z");
                return new Period(start, start.plus(Duration.ofHours(1)), 2.5, 1, 4);
            }
            if (type == UUID.class) {
                return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            if (type == List.class || type == Set.class) {
                Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
                Object one = value(raw(element), element, name);
                return type == List.class ? List.of(one) : Set.of(one);
            }
            if (type == Map.class) {
                Type[] arguments = ((ParameterizedType) generic).getActualTypeArguments();
                return Map.of(
                        value(raw(arguments[0]), arguments[0], name), value(raw(arguments[1]), arguments[1], name));
            }
            if (type.isSealed()) {
                Class<?> first = type.getPermittedSubclasses()[0];
                return value(first, first, name);
            }
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Object[] arguments = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    // an id's only component takes the name of the field holding the id: distinct ids per field
                    String componentName = components.length == 1 ? name : components[i].getName();
                    arguments[i] = value(types[i], components[i].getGenericType(), componentName);
                }
                try {
                    Constructor<?> canonical = type.getDeclaredConstructor(types);
                    canonical.setAccessible(true);
                    return canonical.newInstance(arguments);
                } catch (ReflectiveOperationException e) {
                    return fail("cannot make a sample " + type.getName() + ": " + e);
                }
            }
            return fail("no sample value for " + type.getName() + " (" + name + ")");
        }

        private static String text(String name) {
            if (ZONE_NAMES.contains(name) || name.endsWith("Zone")) {
                return "north";
            }
            return switch (name) {
                case "sku" -> "LIP-RED";
                case "currency" -> "EUR";
                default -> "sample " + name;
            };
        }

        private static Class<?> raw(Type type) {
            return type instanceof ParameterizedType parameterized
                    ? (Class<?>) parameterized.getRawType()
                    : (Class<?>) type;
        }
    }
}
