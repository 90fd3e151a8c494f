package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;

/**
 * The README's configuration table and the typed settings ({@code @ConfigurationProperties} records) say the same:
 * every setting of ours is documented (as {@code livechain.x.y}, as its environment variable, or under a documented
 * {@code livechain.x.*}), and every {@code livechain.*} key the table names exists.
 */
class ConfigurationTableIT extends PlatformIT {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private String readme;
    private String table;

    @BeforeEach
    void readTheReadme() throws IOException {
        readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("## Configuration");
        table = readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    @Test
    void every_setting_of_ours_is_in_the_configuration_table() {
        Set<String> documented = documentedKeys();
        List<String> missing = new ArrayList<>();
        for (String key : settings()) {
            String environment = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            boolean underWildcard = documented.stream()
                    .anyMatch(entry -> entry.endsWith(".*") && key.startsWith(entry.substring(0, entry.length() - 1)));
            if (!documented.contains(key) && !documented.contains(environment) && !underWildcard) {
                missing.add(key);
            }
        }
        assertThat(missing)
                .as("settings missing from README's configuration table")
                .isEmpty();
    }

    @Test
    void every_livechain_key_the_table_names_is_a_setting() {
        Set<String> settings = settings();
        List<String> unknown = documentedKeys().stream()
                .filter(key -> key.startsWith("livechain.") && !key.endsWith(".*"))
                .filter(key -> !settings.contains(key))
                .toList();
        assertThat(unknown)
                .as("keys in README's configuration table that no setting has")
                .isEmpty();
    }

    /** {@code livechain.*} keys of every typed setting, nested records expanded ({@code livechain.rate-limit.orders.per}). */
    private Set<String> settings() {
        Set<String> keys = new TreeSet<>();
        ConfigurationPropertiesBean.getAll(context).values().forEach(bean -> {
            String prefix = bean.getAnnotation().prefix();
            if (prefix.equals("livechain") || prefix.startsWith("livechain.")) {
                addKeys(prefix, bean.getInstance().getClass(), keys);
            }
        });
        assertThat(keys).as("typed settings found").isNotEmpty();
        return keys;
    }

    private static void addKeys(String prefix, Class<?> type, Set<String> keys) {
        if (!type.isRecord()) {
            keys.add(prefix);
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()
                    && component.getType().getPackageName().startsWith("io.livechain")) {
                addKeys(key, component.getType(), keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** Every key in the table's first column, braces expanded ({@code a.{b,c}.d}). */
    private Set<String> documentedKeys() {
        Set<String> keys = new TreeSet<>();
        for (String row : table.split("\n")) {
            if (!row.startsWith("| `")) {
                continue;
            }
            String setting = row.substring(1, row.indexOf('|', 1));
            Matcher code = CODE.matcher(setting);
            while (code.find()) {
                keys.addAll(expand(code.group(1)));
            }
        }
        return keys;
    }

    private static List<String> expand(String key) {
        int open = key.indexOf('{');
        if (open < 0) {
            return List.of(key);
        }
        int close = key.indexOf('}', open);
        List<String> expanded = new ArrayList<>();
        for (String choice : key.substring(open + 1, close).split(",")) {
            expanded.addAll(expand(key.substring(0, open) + choice.trim() + key.substring(close + 1)));
        }
        return expanded;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
