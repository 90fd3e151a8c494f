package io.livechain.infrastructure.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process that runs on a data directory, as {@code postmaster.pid} names it. The embedded
 * server is a daemon of its own: when the application dies without stopping it ({@code kill -9}, the OOM killer),
 * it keeps running, and the next start on the same directory would fail ("lock file postmaster.pid already
 * exists"). {@link #stopOrphan} ends such a leftover before the server starts again.
 */
final class Postmaster {

    static final String PID_FILE = "postmaster.pid";

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

    private Postmaster() {}

    /** The process id in the data directory's {@code postmaster.pid}, if there is one. */
    static OptionalLong pid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(PID_FILE), StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Stops a server that still runs on the data directory although no application owns it. Must only be called
     * while holding the directory's lock (zonky's {@code epg-lock}, which a running application holds and a killed
     * one has lost): whatever server runs on the directory then is a leftover.
     */
    static void stopOrphan(Path dataDirectory) {
        OptionalLong recorded = pid(dataDirectory);
        if (recorded.isEmpty()) {
            return;
        }
        long pid = recorded.getAsLong();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // a stale file: PostgreSQL replaces it itself
        }
        Optional<Boolean> serves = servesDirectory(pid, dataDirectory);
        if (serves.isEmpty()) {
            return; // cannot tell: PostgreSQL decides, and refuses to start beside a live server
        }
        if (!serves.get()) {
            // the number now belongs to another program; PostgreSQL would take it for a live server and refuse
            log.warn("Removing the stale {} of {}: process {} is not its server", PID_FILE, dataDirectory, pid);
            try {
                Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove the stale " + dataDirectory.resolve(PID_FILE), e);
            }
            return;
        }
        log.warn(
                "An embedded PostgreSQL (pid {}) left running by an earlier run still serves {}; stopping it",
                pid,
                dataDirectory);
        // fast shutdown: open transactions roll back (their clients died with that run), a checkpoint, a clean exit;
        // immediate shutdown if that hangs: the next start recovers from the write-ahead log, as after a crash
        if (signalAndWait(process.get(), "INT", FAST_SHUTDOWN)
                || signalAndWait(process.get(), "QUIT", IMMEDIATE_SHUTDOWN)) {
            log.info("The leftover PostgreSQL (pid {}) has stopped", pid);
            return;
        }
        throw new IllegalStateException("the PostgreSQL server (pid " + pid + ") left running on " + dataDirectory
                + " by an earlier run does not stop; stop it (kill -INT " + pid + ") and start again");
    }

    /**
     * Whether the process is a PostgreSQL server started on this data directory ({@code postgres -D <dir> …}),
     * read from {@code /proc}; empty if that cannot be read.
     */
    static Optional<Boolean> servesDirectory(long pid, Path dataDirectory) {
        List<String> arguments;
        try {
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            arguments = Arrays.asList(new String(commandLine, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (arguments.isEmpty()
                || !Path.of(arguments.getFirst()).getFileName().toString().equals("postgres")) {
            return Optional.of(false);
        }
        int option = arguments.indexOf("-D");
        if (option < 0 || option + 1 >= arguments.size()) {
            return Optional.of(false);
        }
        return Optional.of(sameDirectory(Path.of(arguments.get(option + 1)), dataDirectory));
    }

    private static boolean sameDirectory(Path served, Path dataDirectory) {
        try {
            return Files.isSameFile(served, dataDirectory);
        } catch (IOException e) {
            return served.toAbsolutePath()
                    .normalize()
                    .equals(dataDirectory.toAbsolutePath().normalize());
        }
    }

    /** Sends the signal (with the shell's {@code kill}; Java sends only TERM and KILL) and waits for the exit. */
    private static boolean signalAndWait(ProcessHandle process, String signal, Duration patience) {
        try {
            Process kill = new ProcessBuilder(
                            "sh", "-c", "kill -" + signal + " \"$1\"", "kill", Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroy(); // SIGTERM: a smart shutdown, which ends once the dead run's sessions are gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
