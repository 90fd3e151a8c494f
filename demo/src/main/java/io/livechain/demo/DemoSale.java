package io.livechain.demo;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo sale for newcomers ({@code java -jar demo/target/livechain-demo.jar}, which starts the platform with
 * {@code livechain.demo.enabled=true}): once the platform is ready, a background thread plays the operator, a
 * merchant, a few hundred buyers, a factory, two warehouses and four couriers through the public HTTP API on the
 * application's own port, logs what happens, and ends with a summary. The result is also available as
 * {@link #result()}.
 */
@Component
@ConditionalOnProperty(name = "livechain.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoSettings.class)
public class DemoSale {

    private static final Logger log = LoggerFactory.getLogger(DemoSale.class);
    private static final String COMMAND =
            "LIVECHAIN_DATA_DIR=.livechain-demo LIVECHAIN_ADMIN_API_KEY=demo-operator-key java -jar demo/target/livechain-demo.jar";

    private final DemoSettings settings;
    private final JsonMapper json;
    private final ConfigurableApplicationContext context;
    private final String operatorKey;
    private final CompletableFuture<DemoSummary> result = new CompletableFuture<>();
    private final CompletableFuture<WarRoomLink> warRoom = new CompletableFuture<>();
    private volatile Thread runner;
    private volatile boolean stopping;

    public DemoSale(
            DemoSettings settings,
            JsonMapper json,
            ConfigurableApplicationContext context,
            @Value("${livechain.admin-api-key:}") String operatorKey) {
        this.settings = settings;
        this.json = json;
        this.context = context;
        this.operatorKey = operatorKey.strip();
    }

    /** Where the sale can be watched: completes once its stream is on air, before the buyers start. */
    public CompletableFuture<WarRoomLink> warRoom() {
        return warRoom;
    }

    /** Completes with the summary once the demo has ended, or exceptionally if it could not run. */
    public CompletableFuture<DemoSummary> result() {
        return result;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() != context) {
            return;
        }
        if (operatorKey.isEmpty()) {
            // a generated operator key was logged once, if at all: the demo cannot know it
            log.warn("demo ▸ the demo sale plays the operator, so it needs the operator key from configuration, and");
            log.warn("demo ▸ livechain.admin-api-key (LIVECHAIN_ADMIN_API_KEY) is not set. Nothing was registered.");
            log.warn("demo ▸ Run it like this (its own data directory, so the key replaces no operator key of yours):");
            log.warn("demo ▸   {}", COMMAND);
            finish(null, new DemoFailure("livechain.admin-api-key (LIVECHAIN_ADMIN_API_KEY) is not set"), 2);
            return;
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        runner = Thread.ofPlatform().name("demo-sale").daemon(true).start(() -> run("http://localhost:" + port));
    }

    private void run(String baseUrl) {
        DemoScript.say("a demo sale starts on {} (docs/demo.md explains what you see)", baseUrl);
        try (DemoClient client = new DemoClient(json, baseUrl)) {
            DemoSummary summary = new DemoScript(client, settings, operatorKey, warRoom::complete).play();
            summary.lines().forEach(line -> DemoScript.say("{}", line));
            if (summary.success()) {
                if (settings.exit()) {
                    DemoScript.say("done; the application exits now (livechain.demo.exit=true)");
                } else {
                    DemoScript.say("done. The platform keeps running at {} (Ctrl-C stops it)", baseUrl);
                }
            } else {
                log.error("demo ▸ the demo sale did NOT end well: see the lines above");
            }
            finish(summary, null, summary.success() ? 0 : 1);
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("demo ▸ the demo sale was stopped with the application");
            } else if (e instanceof DemoFailure) {
                log.error("demo ▸ the demo sale stopped: {}", e.getMessage());
            } else {
                log.error("demo ▸ the demo sale stopped: {}", e, e);
            }
            finish(null, e, 1);
        }
    }

    private void finish(DemoSummary summary, RuntimeException failure, int exitCode) {
        if (failure != null) {
            warRoom.completeExceptionally(failure);
        }
        if (failure == null) {
            result.complete(summary);
        } else {
            result.completeExceptionally(failure);
        }
        if (settings.exit() && !stopping) {
            System.exit(SpringApplication.exit(context, () -> exitCode));
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Thread thread = runner;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }
}
