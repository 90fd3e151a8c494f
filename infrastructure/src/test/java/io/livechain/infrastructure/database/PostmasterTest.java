package io.livechain.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does about a {@code postmaster.pid} that no server of ours stands behind. */
class PostmasterTest {

    @TempDir
    Path dataDirectory;

    @Test
    void a_pid_file_naming_another_program_is_removed() throws IOException {
        // given a postmaster.pid whose process id now belongs to another program (this test's JVM)
        writePidFile(ProcessHandle.current().pid());
        // when
        Postmaster.stopOrphan(dataDirectory);
        // then PostgreSQL will not take it for a live server: the file is gone, and that program still runs
        assertThat(dataDirectory.resolve(Postmaster.PID_FILE)).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void a_pid_file_of_a_process_that_ended_is_left_to_postgresql() throws Exception {
        // given a postmaster.pid naming a process that has ended
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        writePidFile(ended.pid());
        // when
        Postmaster.stopOrphan(dataDirectory);
        // then nothing is done: PostgreSQL replaces a stale file itself
        assertThat(dataDirectory.resolve(Postmaster.PID_FILE)).exists();
    }

    @Test
    void only_a_postgres_server_on_the_same_directory_counts_as_its_server() {
        // given this JVM, which is no PostgreSQL server
        long pid = ProcessHandle.current().pid();
        // then
        assertThat(Postmaster.servesDirectory(pid, dataDirectory)).contains(false);
    }

    private void writePidFile(long pid) throws IOException {
        Files.writeString(
                dataDirectory.resolve(Postmaster.PID_FILE),
                pid + "\n" + dataDirectory + "\n1700000000\n5432\n/tmp\nlocalhost\n  1234  5678\nready\n");
    }
}
