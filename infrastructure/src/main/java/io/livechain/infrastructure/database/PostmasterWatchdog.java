package io.livechain.infrastructure.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL die with the application. A small shell process waits on a pipe from the JVM; the
 * pipe closes when the JVM ends, however it ends ({@code kill -9} included), and the shell then asks the server for a
 * fast shutdown, if the data directory's {@code postmaster.pid} still names it. On a normal stop the watchdog is
 * ended first and the application stops the server itself.
 *
 * <p>It ignores SIGINT and SIGHUP, so that Ctrl-C in a terminal leaves the shutdown to the JVM. If the watchdog is
 * killed too, the next start stops the leftover server ({@link Postmaster#stopOrphan}).
 */
public final class PostmasterWatchdog implements AutoCloseable {

    /** How the watchdog shows in {@code ps}: its {@code $0}. */
    public static final String NAME = "livechain-postmaster-watchdog";

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);
    // $1 data directory, $2 the server's pid. `read` returns at end of input: when the JVM is gone.
    private static final String SCRIPT = """
            trap '' INT HUP
            read -r line
            pid=''
            read -r pid < "$1/postmaster.pid" 2>/dev/null
            if [ "$pid" = "$2" ]; then kill -INT "$2"; fi
            """;

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the server now running on the data directory; without a watchdog if one cannot be started. */
    static PostmasterWatchdog watch(Path dataDirectory) {
        OptionalLong pid = Postmaster.pid(dataDirectory);
        if (pid.isEmpty()) {
            log.warn(
                    "No {} in {}: the embedded PostgreSQL runs without a watchdog", Postmaster.PID_FILE, dataDirectory);
            return new PostmasterWatchdog(null);
        }
        try {
            Process process = new ProcessBuilder(
                            "sh", "-c", SCRIPT, NAME, dataDirectory.toString(), Long.toString(pid.getAsLong()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new PostmasterWatchdog(process);
        } catch (IOException e) {
            log.warn(
                    "Cannot start the watchdog of the embedded PostgreSQL ({}); if this process is killed, the next"
                            + " start stops the server it leaves behind",
                    e.toString());
            return new PostmasterWatchdog(null);
        }
    }

    /** The watchdog's process id, if it runs. */
    public OptionalLong pid() {
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** Ends the watchdog without it touching the server: the application stops the server itself. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
