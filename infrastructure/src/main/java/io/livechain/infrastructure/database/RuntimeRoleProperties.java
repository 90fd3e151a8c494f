package io.livechain.infrastructure.database;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database role the application's runtime connections act as ({@code livechain.database.runtime-role.*}): it may
 * append to the event store and read it, and change rows of every other schema, but not change or remove events, nor
 * any structure. See ADR 0007.
 *
 * @param enabled false: the runtime connections keep the migration user's rights (not recommended)
 * @param name the role, created by Flyway when it is missing (roles belong to the whole PostgreSQL server)
 */
@ConfigurationProperties(RuntimeRoleProperties.PREFIX)
public record RuntimeRoleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("livechain_app") String name) {

    static final String PREFIX = "livechain.database.runtime-role";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RuntimeRoleProperties {
        if (enabled && (name == null || !IDENTIFIER.matcher(name).matches())) {
            throw new IllegalArgumentException(PREFIX + ".name must be a lower-case PostgreSQL identifier"
                    + " (letters, digits, _; at most 63), not '" + name + "'");
        }
    }
}
