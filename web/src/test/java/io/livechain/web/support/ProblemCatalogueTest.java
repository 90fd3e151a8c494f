package io.livechain.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.livechain.shared.BusinessRuleViolation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * docs/problems.md is the catalogue of problem types: it lists every type the code can answer (the constants of
 * {@link ProblemTypes} and the code of every {@link BusinessRuleViolation}), with the status the code gives it, and
 * nothing else.
 */
class ProblemCatalogueTest {

    private static Map<String, Integer> catalogue;
    private static Map<String, Integer> violations;

    @BeforeAll
    static void read() throws Exception {
        catalogue = ProblemCatalogue.types();
        violations = violationsInTheCode();
    }

    @Test
    void every_problem_type_constant_is_in_the_catalogue() throws IllegalAccessException {
        for (String type : constants()) {
            assertThat(catalogue)
                    .as("docs/problems.md lists ProblemTypes." + type)
                    .containsKey(type);
        }
    }

    @Test
    void the_catalogue_gives_the_status_the_code_gives_its_own_types() {
        for (int status : List.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 500)) {
            String type = ProblemTypes.codeFor(status);
            assertThat(catalogue.get(type)).as("status of " + type).isEqualTo(status);
        }
    }

    @Test
    void every_business_rule_is_in_the_catalogue_with_its_status() {
        assertThat(violations).as("business rules found in the code").hasSizeGreaterThan(20);
        violations.forEach((type, status) -> assertThat(catalogue.get(type))
                .as("docs/problems.md lists %s with status %d", type, status)
                .isEqualTo(status));
    }

    @Test
    void the_catalogue_lists_only_types_the_code_can_answer() throws IllegalAccessException {
        Set<String> known = new java.util.HashSet<>(constants());
        known.addAll(violations.keySet());
        assertThat(known).containsAll(catalogue.keySet());
    }

    private static List<String> constants() throws IllegalAccessException {
        List<String> types = new java.util.ArrayList<>();
        for (Field field : ProblemTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && !field.getName().equals("BASE")) {
                types.add((String) field.get(null));
            }
        }
        return types;
    }

    /** Every concrete business rule of every module, made once to learn its code and status. */
    private static Map<String, Integer> violationsInTheCode() throws Exception {
        Map<String, Integer> found = new TreeMap<>();
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.livechain");
        for (JavaClass javaClass : classes) {
            if (!javaClass.isAssignableTo(BusinessRuleViolation.class)
                    || javaClass.getModifiers().contains(JavaModifier.ABSTRACT)) {
                continue;
            }
            BusinessRuleViolation violation = instantiate(Class.forName(javaClass.getName()));
            ProblemDetail problem = ApiExceptionHandler.problemFor(violation);
            found.put(violation.code(), problem.getStatus());
        }
        return found;
    }

    private static BusinessRuleViolation instantiate(Class<?> type) throws Exception {
        Exception last = null;
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            constructor.setAccessible(true);
            try {
                Object[] arguments = Arrays.stream(constructor.getParameterTypes())
                        .map(ProblemCatalogueTest::sample)
                        .toArray();
                return (BusinessRuleViolation) constructor.newInstance(arguments);
            } catch (ReflectiveOperationException | RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("cannot make a " + type.getName() + " to learn its code", last);
    }

    /** A plausible value of a constructor parameter. */
    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "X";
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == UUID.class) {
            return new UUID(0, 1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(1);
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (type.isRecord()) {
            try {
                Class<?>[] components = Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getType)
                        .toArray(Class<?>[]::new);
                Constructor<?> canonical = type.getDeclaredConstructor(components);
                canonical.setAccessible(true);
                return canonical.newInstance(Arrays.stream(components)
                        .map(ProblemCatalogueTest::sample)
                        .toArray());
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    @Test
    void every_type_is_a_lower_case_slug() {
        Pattern slug = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(catalogue.keySet()).allMatch(type -> slug.matcher(type).matches());
    }
}
