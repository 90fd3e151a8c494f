package io.livechain.web;

import io.livechain.infrastructure.database.PostmasterWatchdog;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/livechain.jar}, which the package phase builds before the integration
 * tests run) in a process of its own, on its embedded PostgreSQL in a data directory of the test's: for tests that
 * kill it. Its log goes to {@code target/packaged-platform/}.
 */
public final class PackagedPlatform implements AutoCloseable {

    private static final Path JAR = Path.of("target", "livechain.jar");
    private static final Duration START_BUDGET = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedPlatform(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application on the data directory and waits until it is ready. */
    public static PackagedPlatform start(Path dataDirectory, String name) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the integration tests with"
                    + " ./mvnw verify, whose package phase builds it");
        }
        int port = freePort();
        Path log =
                Files.createDirectories(Path.of("target", "packaged-platform")).resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-Daxoniq.update-checker.disabled=true",
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--livechain.data-dir=" + dataDirectory.toAbsolutePath(),
                        "--livechain.admin-api-key=" + Api.OPERATOR_KEY))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the application's own defaults: its embedded database, plain-text logs
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("LIVECHAIN_"));
        builder.environment().put("LIVECHAIN_LOG_FORMAT", "");
        PackagedPlatform platform = new PackagedPlatform(builder.start(), port, log);
        try {
            platform.awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            platform.process.destroyForcibly();
            throw e;
        }
        return platform;
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /**
     * {@code kill -9}. With {@code watchdogToo}, the watchdog of its embedded database is killed first, so that the
     * database is left running without an owner, as if the watchdog had never been.
     */
    public void kill(boolean watchdogToo) throws InterruptedException {
        if (watchdogToo) {
            List<ProcessHandle> watchdogs = process.toHandle()
                    .children()
                    .filter(child -> child.info()
                            .arguments()
                            .map(arguments -> List.of(arguments).contains(PostmasterWatchdog.NAME))
                            .orElse(false))
                    .toList();
            if (watchdogs.isEmpty()) {
                throw new IllegalStateException("the application runs no watchdog of its database");
            }
            for (ProcessHandle watchdog : watchdogs) {
                watchdog.destroyForcibly();
                watchdog.onExit().join();
            }
        }
        process.destroyForcibly();
        process.waitFor();
    }

    /** The embedded PostgreSQL server running on a data directory, as its {@code postmaster.pid} names it. */
    public static OptionalLong postmaster(Path dataDirectory) {
        try {
            List<String> lines =
                    Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops the application (SIGTERM: it stops its database too), if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + START_BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application was not ready within " + START_BUDGET + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
