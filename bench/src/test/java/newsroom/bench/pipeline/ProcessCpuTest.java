package newsroom.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @TempDir
    Path proc;

    @Test
    void parsesACommandNameWithSpacesAndParentheses() {
        ProcessCpu.Stat stat = ProcessCpu.Stat.parse(
                "4242 (postgres: a (b) c) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 40 7 3 20 0 1 0 123 0 0");
        assertThat(stat).isEqualTo(new ProcessCpu.Stat(4242, 17, 250 + 40 + 7 + 3));
    }

    @Test
    void aGroupIsTheMatchingProcessesWithAllTheirDescendantsAndNothingElse() throws IOException {
        process(10, 1, "/opt/pg/bin/postgres -D /stack/postgres/data", 100);
        process(11, 10, "postgres: checkpointer ", 5);
        process(12, 11, "postgres: worker", 2);
        process(20, 1, "/opt/pg/bin/postgres -D /other/postgres/data", 1000);
        process(21, 20, "postgres: checkpointer ", 500);
        ProcessCpu cpu = new ProcessCpu(proc, List.of(
                new ProcessCpu.Group("postgres", cmd -> cmd.contains("/stack/postgres/")),
                new ProcessCpu.Group("missing", cmd -> cmd.contains("nothing-like-this"))));

        ProcessCpu.Sample sample = cpu.sample();

        assertThat(sample.ticks()).containsEntry("postgres", 107L).containsEntry("missing", 0L);
        assertThat(sample.processes()).containsEntry("postgres", 3).containsEntry("missing", 0);
    }

    @Test
    void theLoadAverageIsReadFromProc() throws IOException {
        Files.writeString(proc.resolve("loadavg"), "1.50 0.75 0.25 2/300 4242\n");
        assertThat(ProcessCpu.loadAverage(proc)).isEqualTo("1.50 0.75 0.25");
    }

    private void process(long pid, long ppid, String commandLine, long utime) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (x) S " + ppid + " 0 0 0 -1 0 0 0 0 0 " + utime
                + " 0 0 0 20 0 1 0 1 0 0");
        Files.writeString(dir.resolve("cmdline"), commandLine.replace(' ', '\0'));
    }
}
