package io.livechain.infrastructure.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database keeps its data ({@code LIVECHAIN_DATA_DIR}) and which port it listens on (0: any
 * free port).
 */
@ConfigurationProperties("livechain")
public record EmbeddedPostgresProperties(
        @DefaultValue(".livechain") Path dataDir,
        @DefaultValue("0") int embeddedDatabasePort) {

    int port() {
        return embeddedDatabasePort;
    }
}
